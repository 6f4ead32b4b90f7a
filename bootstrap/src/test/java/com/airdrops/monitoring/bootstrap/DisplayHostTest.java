package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayHostTest {
    @Test
    void theStartLineNamesAHostAsAUrlWould() {
        assertThat(MonitoringAgent.displayHost("0.0.0.0")).isEqualTo("localhost");
        assertThat(MonitoringAgent.displayHost("::")).isEqualTo("localhost");
        assertThat(MonitoringAgent.displayHost("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(MonitoringAgent.displayHost("::1")).isEqualTo("[::1]");
        assertThat(MonitoringAgent.displayHost("[::1]")).isEqualTo("[::1]");
        assertThat(MonitoringAgent.displayHost("monitor.example")).isEqualTo("monitor.example");
        assertThat(MonitoringAgent.listenHost("::")).isEqualTo("[::]");
        assertThat(MonitoringAgent.listenHost("0.0.0.0")).isEqualTo("0.0.0.0");
    }
}
