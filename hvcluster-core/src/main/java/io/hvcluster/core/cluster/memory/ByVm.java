package io.hvcluster.core.cluster.memory;

import io.hvcluster.core.cluster.model.SimVm;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** One value per VM of a cluster, by the VM's index, made on first use (a VM added later grows it). */
final class ByVm<T> {
  private final List<T> values = new ArrayList<>();
  private final Supplier<T> fresh;

  ByVm(Supplier<T> fresh) {
    this.fresh = fresh;
  }

  /** Returns the VM's value, making it first if it has none. */
  T get(SimVm vm) {
    int i = vm.index();
    while (values.size() <= i) {
      values.add(null);
    }
    T value = values.get(i);
    if (value == null) {
      value = fresh.get();
      values.set(i, value);
    }
    return value;
  }

  /** Returns the VM's value, or null if it has none yet. */
  T getOrNull(SimVm vm) {
    int i = vm.index();
    return i < values.size() ? values.get(i) : null;
  }
}
