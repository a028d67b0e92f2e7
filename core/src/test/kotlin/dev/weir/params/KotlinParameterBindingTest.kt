package dev.weir.params

import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatThrownBy
import org.junit.jupiter.api.Test

data class SplitOptions(
  val testSize: Double,
  val randomState: Int = 42,
  val features: List<String> = emptyList(),
  val note: String? = null,
)

data class Strict(val name: String, val count: Int)

class KotlinParameterBindingTest {
  @Test
  fun `data class binds by property names without -java-parameters`() {
    val bound =
      ParameterBinder.bind(
        "params:split",
        mapOf("test_size" to 0.3, "features" to listOf("a")),
        SplitOptions::class.java,
      )
    assertThat(bound).isEqualTo(SplitOptions(testSize = 0.3, features = listOf("a")))
  }

  @Test
  fun `missing property without default is an error naming it`() {
    assertThatThrownBy {
        ParameterBinder.bind("params:strict", mapOf("name" to "x"), Strict::class.java)
      }
      .isInstanceOf(ParameterBindingException::class.java)
      .hasMessageContaining("params:strict")
      .hasMessageContaining("Strict")
      .hasMessageContaining("count")
  }

  @Test
  fun `unknown property is an error naming the closest one`() {
    assertThatThrownBy {
        ParameterBinder.bind("params:split", mapOf("test_sizes" to 0.3), SplitOptions::class.java)
      }
      .isInstanceOf(ParameterBindingException::class.java)
      .hasMessageContaining("unknown field 'test_sizes'")
      .hasMessageContaining("test_size")
  }
}
