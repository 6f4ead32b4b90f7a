package com.airdrops.monitoring.alerting;

import com.airdrops.monitoring.domain.model.metric.Sample;
import java.util.List;

/** What a rule's window says at one pass: the value of each series that decides, and those undecided. */
public record WindowReading(List<Sample> values, List<Sample> undecided) {}
