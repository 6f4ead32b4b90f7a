package com.airdrops.monitoring.collection;

import com.airdrops.monitoring.domain.model.component.ComponentSnapshot;
import java.util.concurrent.Future;

record RunningRead(ComponentTally state, Future<ComponentSnapshot> future, long startedNanos) {}
