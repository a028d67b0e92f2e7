package dev.weir.mlflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The commit and branch of the git checkout a project lives in, read from the {@code .git} files
 * ({@code HEAD}, the loose ref, then {@code packed-refs}) without running {@code git}: a Databricks
 * job or a slim container has no git binary. Worktrees and submodules ({@code .git} as a file
 * pointing elsewhere, {@code commondir}) are followed.
 *
 * @param commit the full commit hash
 * @param branch the branch name, or {@code null} for a detached HEAD
 */
record GitInfo(String commit, @Nullable String branch) {

  /**
   * @param start the project folder; its parents are searched for {@code .git}
   * @return the commit, or empty when the folder is not in a git checkout or the files are
   *     unreadable
   */
  static Optional<GitInfo> find(Path start) {
    try {
      for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
        Path dotGit = dir.resolve(".git");
        if (Files.isDirectory(dotGit)) {
          return read(dotGit);
        }
        if (Files.isRegularFile(dotGit)) {
          String line = Files.readString(dotGit, StandardCharsets.UTF_8).trim();
          if (line.startsWith("gitdir:")) {
            return read(dir.resolve(line.substring("gitdir:".length()).trim()).normalize());
          }
          return Optional.empty();
        }
      }
    } catch (IOException | RuntimeException e) {
      // a broken checkout only loses the commit tag
    }
    return Optional.empty();
  }

  private static Optional<GitInfo> read(Path gitDir) throws IOException {
    String head = Files.readString(gitDir.resolve("HEAD"), StandardCharsets.UTF_8).trim();
    if (!head.startsWith("ref:")) {
      return isHash(head) ? Optional.of(new GitInfo(head, null)) : Optional.empty();
    }
    String ref = head.substring("ref:".length()).trim();
    String branch = ref.startsWith("refs/heads/") ? ref.substring("refs/heads/".length()) : null;
    Path common = gitDir;
    Path commonFile = gitDir.resolve("commondir");
    if (Files.isRegularFile(commonFile)) {
      common =
          gitDir.resolve(Files.readString(commonFile, StandardCharsets.UTF_8).trim()).normalize();
    }
    for (Path base : new Path[] {gitDir, common}) {
      Path loose = base.resolve(ref);
      if (Files.isRegularFile(loose)) {
        String hash = Files.readString(loose, StandardCharsets.UTF_8).trim();
        if (isHash(hash)) {
          return Optional.of(new GitInfo(hash, branch));
        }
      }
    }
    Path packed = common.resolve("packed-refs");
    if (Files.isRegularFile(packed)) {
      for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
        String[] parts = line.trim().split(" ");
        if (parts.length == 2 && parts[1].equals(ref) && isHash(parts[0])) {
          return Optional.of(new GitInfo(parts[0], branch));
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isHash(String s) {
    return s.matches("[0-9a-f]{40}|[0-9a-f]{64}");
  }
}
