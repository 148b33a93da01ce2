package io.hvcluster.testkit.fault;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Generic access to the components of fault records, so that JSON, timelines and shrinking handle
 * every kind the same way. Only the testkit's own records, listed in {@link FaultKind}, pass through
 * here.
 */
final class Faults {
  private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
    @Override
    protected Shape computeValue(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      Class<?>[] types = new Class<?>[components.length];
      Method[] accessors = new Method[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        accessors[i] = components[i].getAccessor();
      }
      try {
        return new Shape(List.of(components), List.of(accessors), type.getDeclaredConstructor(types));
      } catch (NoSuchMethodException e) {
        throw new AssertionError("record without canonical constructor: " + type, e);
      }
    }
  };

  private Faults() {}

  /** The components of a fault record and its canonical constructor. */
  record Shape(List<RecordComponent> components, List<Method> accessors, Constructor<?> constructor) {
    int timingIndex() {
      return components.size() - 1;
    }
  }

  /** One component of a fault: its name, declared type and value. */
  record Component(String name, Class<?> type, Object value) {}

  static Shape shape(Class<? extends Fault> type) {
    return SHAPES.get(type);
  }

  static void requireInstant(String kind, Timing timing) {
    if (timing.duration().isPresent()) {
      throw new IllegalArgumentException(kind + " is instantaneous and takes no duration, but has " + timing);
    }
  }

  /** Returns the components other than the timing, in declaration order. */
  static List<Component> parameters(Fault fault) {
    Shape shape = shape(fault.getClass());
    List<Component> out = new ArrayList<>();
    for (int i = 0; i < shape.components().size(); i++) {
      RecordComponent c = shape.components().get(i);
      if (c.getType() != Timing.class) {
        out.add(new Component(c.getName(), c.getType(), read(shape.accessors().get(i), fault)));
      }
    }
    return out;
  }

  static Fault withTiming(Fault fault, Timing timing) {
    Object[] args = values(fault);
    args[shape(fault.getClass()).timingIndex()] = timing;
    return create(fault.kind().type(), args);
  }

  /** Returns a copy with the named component replaced. */
  static Fault with(Fault fault, String name, Object value) {
    Shape shape = shape(fault.getClass());
    Object[] args = values(fault);
    for (int i = 0; i < args.length; i++) {
      if (shape.components().get(i).getName().equals(name)) {
        args[i] = value;
        return create(fault.kind().type(), args);
      }
    }
    throw new IllegalArgumentException(fault.kind().id() + " has no component '" + name + "'");
  }

  static Object[] values(Fault fault) {
    Shape shape = shape(fault.getClass());
    Object[] args = new Object[shape.components().size()];
    for (int i = 0; i < args.length; i++) {
      args[i] = read(shape.accessors().get(i), fault);
    }
    return args;
  }

  static Fault create(Class<? extends Fault> type, Object[] args) {
    try {
      return type.cast(shape(type).constructor().newInstance(args));
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw new IllegalStateException("cannot create " + type.getSimpleName(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create " + type.getSimpleName(), e);
    }
  }

  static String describe(Fault fault) {
    StringBuilder out = new StringBuilder(fault.kind().id());
    for (Component c : parameters(fault)) {
      out.append(' ').append(c.name()).append('=').append(text(c.value()));
    }
    return out.toString();
  }

  /** Returns the text form of a component value, as JSON and timelines write it. */
  static String text(Object value) {
    if (value instanceof java.time.Duration) {
      return DurationText.format((java.time.Duration) value);
    }
    if (value instanceof Enum) {
      return ((Enum<?>) value).name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
    return String.valueOf(value);
  }

  private static Object read(Method accessor, Fault fault) {
    try {
      return accessor.invoke(fault);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + accessor.getName() + " of " + fault.getClass().getSimpleName(), e);
    }
  }
}
