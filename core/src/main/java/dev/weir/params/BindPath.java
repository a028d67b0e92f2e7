package dev.weir.params;

import java.lang.reflect.Type;

/**
 * Where in a parameter value binding is: {@code params:model_options.features[2].name}, for
 * messages.
 */
record BindPath(String text) {
  BindPath key(String key) {
    return new BindPath(text + "." + key);
  }

  BindPath index(int i) {
    return new BindPath(text + "[" + i + "]");
  }

  ParameterBindingException error(Type target, String what) {
    return new ParameterBindingException(
        "Cannot bind " + text + " to " + Types.name(target) + ": " + what + ".");
  }
}
