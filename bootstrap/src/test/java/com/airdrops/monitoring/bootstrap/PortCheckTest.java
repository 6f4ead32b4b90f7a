package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class PortCheckTest {
    @Test
    void aPortSomethingListensOnIsNamedAsInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(PortCheck.busy("127.0.0.1", taken.getLocalPort()))
                    .hasValueSatisfying(why -> assertThat(why)
                            .contains("127.0.0.1:" + taken.getLocalPort())
                            .contains("in use")
                            .contains("METRICS_HTTP_PORT"));
        }
    }

    @Test
    void aFreePortIsFreeAndStaysFreeAfterTheCheck() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        assertThat(PortCheck.busy("127.0.0.1", port)).isEmpty();
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress("127.0.0.1", port));
            try (Socket client = new Socket("127.0.0.1", port)) {
                assertThat(client.isConnected()).isTrue();
            }
        }
    }

    @Test
    void anAddressThisHostDoesNotHaveNamesTheHostSetting() {
        // 192.0.2.0/24 is reserved for documentation: no interface has it.
        assertThat(PortCheck.busy("192.0.2.1", 8000))
                .hasValueSatisfying(
                        why -> assertThat(why).contains("192.0.2.1:8000").contains("METRICS_HTTP_HOST"));
    }
}
