package dev.weir.node;

import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What reflection can tell about a node function: a readable name and the declared argument types.
 *
 * <p>Java lambdas and method references of a {@link java.io.Serializable} functional interface
 * carry a {@link SerializedLambda} (returned by the synthetic {@code writeReplace} method) naming
 * the implementation method; its generic parameter types are the argument types. Anonymous classes
 * and Kotlin classes declare a non-bridge {@code apply} method instead.
 *
 * @param name {@code Class::method}, the class without its package
 * @param methodName the method alone ({@code lambda} for a lambda body), for default node names
 * @param argumentTypes declared argument types by position; {@code null} where unknown
 */
record FunctionInfo(String name, String methodName, List<@Nullable Type> argumentTypes) {

  static FunctionInfo of(Object function, int arity) {
    SerializedLambda lambda = serializedLambda(function);
    if (lambda != null) {
      return fromLambda(function, lambda, arity);
    }
    return fromClass(function.getClass(), arity);
  }

  private static @Nullable SerializedLambda serializedLambda(Object function) {
    try {
      Method writeReplace = function.getClass().getDeclaredMethod("writeReplace");
      writeReplace.setAccessible(true);
      Object replaced = writeReplace.invoke(function);
      return replaced instanceof SerializedLambda s ? s : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      // Not a serializable lambda (an anonymous or Kotlin class), or a module forbids access.
      return null;
    }
  }

  private static FunctionInfo fromLambda(Object function, SerializedLambda lambda, int arity) {
    String implClass = lambda.getImplClass().replace('/', '.');
    String method = lambda.getImplMethodName();
    // javac names bodies lambda$enclosing$0, Kotlin enclosing$lambda$0.
    boolean isLambdaBody = method.startsWith("lambda$") || method.contains("$lambda$");
    String name = simpleName(implClass) + "::" + method;
    String methodName = isLambdaBody ? "lambda" : method.equals("<init>") ? "new" : method;
    List<@Nullable Type> types = unknown(arity);
    Class<?> owner = load(implClass, function.getClass().getClassLoader());
    if (owner != null) {
      Executable impl = findExecutable(owner, method, lambda.getImplMethodSignature());
      if (impl != null) {
        fillFromImpl(types, owner, impl, lambda, arity);
      }
    }
    return new FunctionInfo(name, methodName, types);
  }

  /**
   * Maps the functional interface's arguments onto the implementation's parameters. Captured
   * arguments come first; for an instance method the receiver is either captured (a bound reference
   * such as {@code obj::m}, or a lambda using {@code this}) or the first functional argument (an
   * unbound reference such as {@code String::length}).
   */
  private static void fillFromImpl(
      List<@Nullable Type> types,
      Class<?> owner,
      Executable impl,
      SerializedLambda lambda,
      int arity) {
    Type[] params = genericParameters(impl);
    int captured = lambda.getCapturedArgCount();
    int kind = lambda.getImplMethodKind();
    boolean instance =
        kind == MethodHandleInfo.REF_invokeVirtual
            || kind == MethodHandleInfo.REF_invokeInterface
            || kind == MethodHandleInfo.REF_invokeSpecial;
    int offset = captured;
    int first = 0;
    if (instance) {
      if (captured >= 1) {
        offset = captured - 1;
      } else {
        if (arity > 0) {
          types.set(0, owner);
        }
        first = 1;
        offset = -1;
      }
    }
    for (int i = first; i < arity; i++) {
      int p = i + offset;
      if (p >= 0 && p < params.length) {
        types.set(i, known(params[p]));
      }
    }
  }

  private static FunctionInfo fromClass(Class<?> type, int arity) {
    String name = simpleName(type.getName()) + "::apply";
    List<@Nullable Type> types = unknown(arity);
    for (Method m : type.getMethods()) {
      if (m.getName().equals("apply")
          && !m.isBridge()
          && !m.isSynthetic()
          && !Modifier.isStatic(m.getModifiers())
          && m.getParameterCount() == arity) {
        Type[] params = genericParameters(m);
        for (int i = 0; i < arity; i++) {
          types.set(i, known(params[i]));
        }
        break;
      }
    }
    String methodName = simpleName(type.getName());
    return new FunctionInfo(name, methodName, types);
  }

  private static Type[] genericParameters(Executable e) {
    Type[] generic = e.getGenericParameterTypes();
    // Inner-class constructors and some synthetic methods have fewer generic than raw types.
    return generic.length == e.getParameterCount() ? generic : e.getParameterTypes();
  }

  private static @Nullable Type known(Type type) {
    return type == Object.class ? null : type;
  }

  private static List<@Nullable Type> unknown(int arity) {
    return new ArrayList<>(Arrays.asList(new Type[Math.max(arity, 0)]));
  }

  private static @Nullable Class<?> load(String className, @Nullable ClassLoader loader) {
    try {
      return Class.forName(className, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  private static @Nullable Executable findExecutable(
      Class<?> owner, String name, String descriptor) {
    if (name.equals("<init>")) {
      for (var c : owner.getDeclaredConstructors()) {
        if (descriptor(c.getParameterTypes(), void.class).equals(descriptor)) {
          return c;
        }
      }
      return null;
    }
    for (Method m : owner.getDeclaredMethods()) {
      if (m.getName().equals(name)
          && descriptor(m.getParameterTypes(), m.getReturnType()).equals(descriptor)) {
        return m;
      }
    }
    return null;
  }

  private static String descriptor(Class<?>[] params, Class<?> returnType) {
    return MethodType.methodType(returnType, params).toMethodDescriptorString();
  }

  /** {@code dev.weir.Outer$Inner} gives {@code Outer.Inner}. */
  private static String simpleName(String binaryName) {
    return binaryName.substring(binaryName.lastIndexOf('.') + 1).replace('$', '.');
  }
}
