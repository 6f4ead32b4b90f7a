package com.airdrops.monitoring.bootstrap.archfixture;

import com.airdrops.monitoring.domain.port.driving.ConfigReloader;
import com.airdrops.monitoring.domain.port.driving.ReloadOutcome;
import java.util.List;

/** Breaks a rule on purpose: a use case implemented in the wiring. */
public final class ReloaderInBootstrap implements ConfigReloader {
    @Override
    public ReloadOutcome reload() {
        return new ReloadOutcome.Rejected(List.of("not here"));
    }
}
