package io.hvcluster.api.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.HostId;
import io.hvcluster.api.LunId;
import io.hvcluster.api.VmId;
import io.hvcluster.api.migration.MigrationOutcome;
import io.hvcluster.api.migration.MigrationResult;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class EventVisitorTest {

  @Test
  void theVisitorHasExactlyOneMethodForEachEventType() {
    Set<Class<?>> visited = Arrays.stream(EventVisitor.class.getDeclaredMethods())
        .peek(m -> assertThat(m.getName()).isEqualTo("visit"))
        .peek(m -> assertThat(m.isDefault()).as("%s must be abstract, so that visitors handle it", m).isFalse())
        .map(m -> m.getParameterTypes()[0]).collect(Collectors.toSet());

    assertThat(visited).containsExactlyInAnyOrder(ClusterEvent.class.getPermittedSubclasses());
  }

  @Test
  void everyEventTypeCallsTheVisitMethodOfItsOwnType() throws ReflectiveOperationException {
    for (Class<?> type : ClusterEvent.class.getPermittedSubclasses()) {
      ClusterEvent event = anInstanceOf(type);

      assertThat(event.accept(new TypeOfVisit())).as(type.getSimpleName()).isEqualTo(type);
    }
  }

  /** Builds an event with plain values for every component. */
  private static ClusterEvent anInstanceOf(Class<?> type) throws ReflectiveOperationException {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
    Constructor<?> canonical = type.getDeclaredConstructor(types);
    Object[] args = Arrays.stream(components).map(c -> value(c.getType(), c.getGenericType())).toArray();
    return (ClusterEvent) canonical.newInstance(args);
  }

  private static Object value(Class<?> type, Type generic) {
    if (type == long.class) {
      return 1L;
    } else if (type == int.class) {
      return 1;
    } else if (type == boolean.class) {
      return true;
    } else if (type == String.class) {
      return "x";
    } else if (type == HostId.class) {
      return HostId.of("node1");
    } else if (type == VmId.class) {
      return VmId.of("vm1");
    } else if (type == LunId.class) {
      return LunId.of("lun1");
    } else if (type.isEnum()) {
      return type.getEnumConstants()[0];
    } else if (type == Optional.class || type == List.class) {
      Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
      Object one = value((Class<?>) element, element);
      return type == Optional.class ? Optional.of(one) : List.of(one);
    } else if (type == MigrationResult.class) {
      return new MigrationResult("quick", VmId.of("vm1"), HostId.of("node1"), HostId.of("node2"),
          MigrationOutcome.COMPLETED, 0, 1, 1, 0, List.of(), List.of(), false, "done");
    }
    throw new AssertionError("no test value for " + type);
  }

  /** Answers the parameter type of the method it was called through. */
  private static final class TypeOfVisit implements EventVisitor<Class<?>> {
    @Override
    public Class<?> visit(ClusterFormed event) {
      return ClusterFormed.class;
    }

    @Override
    public Class<?> visit(NodeStateChanged event) {
      return NodeStateChanged.class;
    }

    @Override
    public Class<?> visit(HeartbeatRouteChanged event) {
      return HeartbeatRouteChanged.class;
    }

    @Override
    public Class<?> visit(QuorumChanged event) {
      return QuorumChanged.class;
    }

    @Override
    public Class<?> visit(LunStateChanged event) {
      return LunStateChanged.class;
    }

    @Override
    public Class<?> visit(VmStateChanged event) {
      return VmStateChanged.class;
    }

    @Override
    public Class<?> visit(GroupStateChanged event) {
      return GroupStateChanged.class;
    }

    @Override
    public Class<?> visit(GroupPlaced event) {
      return GroupPlaced.class;
    }

    @Override
    public Class<?> visit(PlacementFailed event) {
      return PlacementFailed.class;
    }

    @Override
    public Class<?> visit(FailoverStarted event) {
      return FailoverStarted.class;
    }

    @Override
    public Class<?> visit(MigrationStarted event) {
      return MigrationStarted.class;
    }

    @Override
    public Class<?> visit(MigrationPhaseStarted event) {
      return MigrationPhaseStarted.class;
    }

    @Override
    public Class<?> visit(MigrationFinished event) {
      return MigrationFinished.class;
    }

    @Override
    public Class<?> visit(FaultApplied event) {
      return FaultApplied.class;
    }

    @Override
    public Class<?> visit(FaultHealed event) {
      return FaultHealed.class;
    }

    @Override
    public Class<?> visit(OperatorAction event) {
      return OperatorAction.class;
    }

    @Override
    public Class<?> visit(GuestClusterFailover event) {
      return GuestClusterFailover.class;
    }
  }
}
