package com.airdrops.monitoring.config;

import static com.airdrops.monitoring.config.EnvironmentSettings.API_READ_TOKEN;
import static com.airdrops.monitoring.config.EnvironmentSettings.API_READ_TOKEN_SCOPE;
import static com.airdrops.monitoring.config.EnvironmentSettings.API_TOKEN;
import static com.airdrops.monitoring.config.EnvironmentSettings.HTTP_HOST;
import static com.airdrops.monitoring.config.EnvironmentSettings.HTTP_PORT;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Optional;

/** The HTTP server's settings from the environment: where it listens, and the bearer tokens of its API. */
final class HttpEnvironment {
    private HttpEnvironment() {}

    static HttpSection read(EnvironmentReader env) {
        return new HttpSection(
                host(env, HTTP_HOST, "0.0.0.0"),
                env.port(HTTP_PORT, "8000"),
                bearerToken(env, API_TOKEN),
                bearerToken(env, API_READ_TOKEN),
                readTokenScope(env));
    }

    /** An address of this host to listen on: the wildcard, loopback, or one an interface holds. */
    private static String host(EnvironmentReader env, String name, String fallback) {
        String value = env.raw(name, fallback);
        try {
            InetAddress address = InetAddress.getByName(value);
            if (!address.isAnyLocalAddress()
                    && !address.isLoopbackAddress()
                    && NetworkInterface.getByInetAddress(address) == null) {
                env.problem(
                        name + "='" + value + "' is invalid: " + address.getHostAddress() + " is not an address "
                                + "of this host (0.0.0.0: every interface; 127.0.0.1: this host only; or one of its addresses)");
            }
        } catch (UnknownHostException e) {
            env.problem(name + "='" + value + "' is invalid: unknown host; expected an address of this host such as "
                    + "0.0.0.0 (every interface) or 127.0.0.1 (this host only)");
        } catch (SocketException e) {
            // The interfaces cannot be listed here: binding will tell.
        }
        return value;
    }

    /**
     * A token clients send as {@code Authorization: Bearer <token>}: printable ASCII without spaces, since an HTTP header
     * carries nothing else reliably (a browser refuses to send other characters). The problem never shows the value.
     */
    private static Optional<String> bearerToken(EnvironmentReader env, String name) {
        Optional<String> token = env.secret(name);
        if (token.isPresent() && !EnvironmentReader.visibleAscii(token.get())) {
            env.problem(name + " is invalid: expected printable ASCII characters without spaces (it is sent in an"
                    + " HTTP header, Authorization: Bearer <token>); it holds a space or another character");
        }
        return token;
    }

    /** {@code api} (default): the JSON API only; {@code all}: /metrics and health too. */
    private static ReadTokenScope readTokenScope(EnvironmentReader env) {
        String value = env.raw(API_READ_TOKEN_SCOPE, "api");
        if (!value.equals("api") && !value.equals("all")) {
            env.problem(API_READ_TOKEN_SCOPE + "='" + value + "' is invalid: expected api (the JSON API only) or all "
                    + "(/metrics and health too)");
        }
        return value.equals("all") ? ReadTokenScope.ALL : ReadTokenScope.API;
    }
}
