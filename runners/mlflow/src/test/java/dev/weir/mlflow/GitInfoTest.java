package dev.weir.mlflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitInfoTest {
  @TempDir Path repo;
  private static final String HASH = "0123456789abcdef0123456789abcdef01234567";

  @Test
  void readsTheBranchRefFromAParentFolder() throws Exception {
    Files.createDirectories(repo.resolve(".git/refs/heads/feature"));
    Files.writeString(repo.resolve(".git/HEAD"), "ref: refs/heads/feature/x\n");
    Files.writeString(repo.resolve(".git/refs/heads/feature/x"), HASH + "\n");
    Path project = Files.createDirectories(repo.resolve("starter-project"));
    assertThat(GitInfo.find(project)).contains(new GitInfo(HASH, "feature/x"));
  }

  @Test
  void fallsBackToPackedRefs() throws Exception {
    Files.createDirectories(repo.resolve(".git"));
    Files.writeString(repo.resolve(".git/HEAD"), "ref: refs/heads/main\n");
    Files.writeString(
        repo.resolve(".git/packed-refs"),
        "# pack-refs with: peeled\n" + HASH + " refs/heads/main\n");
    assertThat(GitInfo.find(repo)).contains(new GitInfo(HASH, "main"));
  }

  @Test
  void aDetachedHeadHasNoBranchAndAWorktreeFileIsFollowed() throws Exception {
    Path real = Files.createDirectories(repo.resolve("real.git"));
    Files.writeString(real.resolve("HEAD"), HASH + "\n");
    Path checkout = Files.createDirectories(repo.resolve("checkout"));
    Files.writeString(checkout.resolve(".git"), "gitdir: ../real.git\n");
    assertThat(GitInfo.find(checkout)).contains(new GitInfo(HASH, null));
  }

  @Test
  void noCheckoutNoCommit() {
    assertThat(GitInfo.find(repo.resolve("nowhere"))).isEmpty();
  }
}
