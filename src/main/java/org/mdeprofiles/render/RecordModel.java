package org.mdeprofiles.render;

import freemarker.template.ObjectWrapper;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A record as a template hash: {@code ${x.name}} calls {@code name()}, a public zero-argument
 * method the record class declares itself (its components, and methods such as
 * {@code template()}); nothing inherited or overriding {@link Object}'s, so no {@code getClass()}. Methods are looked up by name
 * when a template first asks for them, where FreeMarker's bean wrapper examines every method of
 * every class it meets (about 20 ms of a cold generate).
 */
final class RecordModel implements TemplateHashModel {
  private static final ClassValue<Map<String, Optional<Method>>> METHODS = new ClassValue<>() {
    @Override
    protected Map<String, Optional<Method>> computeValue(Class<?> type) {
      return new ConcurrentHashMap<>();
    }
  };

  private final Record record;
  private final ObjectWrapper wrapper;

  RecordModel(Record record, ObjectWrapper wrapper) {
    this.record = record;
    this.wrapper = wrapper;
  }

  @Override
  public TemplateModel get(String key) throws TemplateModelException {
    Optional<Method> method = METHODS.get(record.getClass()).computeIfAbsent(key, k -> find(record.getClass(), k));
    if (method.isEmpty()) {
      return null;
    }
    try {
      return wrapper.wrap(method.get().invoke(record));
    } catch (InvocationTargetException e) {
      throw new TemplateModelException(record.getClass().getSimpleName() + "." + key + "() failed", e.getCause());
    } catch (IllegalAccessException e) {
      throw new TemplateModelException(record.getClass().getSimpleName() + "." + key + "() is not accessible", e);
    }
  }

  private static Optional<Method> find(Class<?> type, String name) {
    if (overridesObject(name)) {
      return Optional.empty();
    }
    try {
      Method m = type.getDeclaredMethod(name);
      int modifiers = m.getModifiers();
      if (!Modifier.isPublic(modifiers) || Modifier.isStatic(modifiers) || m.getReturnType() == void.class) {
        return Optional.empty();
      }
      m.trySetAccessible();
      return Optional.of(m);
    } catch (NoSuchMethodException e) {
      return Optional.empty();
    }
  }

  /** toString() and hashCode(), which a record declares too, are not data. */
  private static boolean overridesObject(String name) {
    try {
      Object.class.getMethod(name);
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  @Override
  public boolean isEmpty() {
    return false;
  }
}
