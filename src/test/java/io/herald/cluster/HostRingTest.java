package io.herald.cluster;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostRingTest {
    private static final int HOSTS = 3000;

    @Test
    void everyNodeComputesTheSameOwnerWhateverTheOrderOfNames() {
        HostRing one = new HostRing(List.of("a", "b", "c"));
        HostRing other = new HostRing(List.of("c", "a", "b"));
        for (int i = 0; i < HOSTS; i++) {
            String host = "http://127.0.0." + (i % 250 + 2) + ":" + (8000 + i);
            assertThat(one.owner(host)).isEqualTo(other.owner(host));
        }
        assertThat(one.nodes()).containsExactly("a", "b", "c");
    }

    @Test
    void sharesAreRoughlyEven() {
        Map<String, Integer> shares = shares(new HostRing(List.of("a", "b", "c")));
        assertThat(shares).containsOnlyKeys("a", "b", "c");
        shares.values().forEach(n -> assertThat(n).isBetween(HOSTS / 3 * 6 / 10, HOSTS / 3 * 14 / 10));
    }

    @Test
    void aNodeAddedTakesHostsOnlyFromTheOthersAndAboutItsShare() {
        HostRing three = new HostRing(List.of("a", "b", "c"));
        HostRing four = new HostRing(List.of("a", "b", "c", "d"));
        int moved = 0;
        for (int i = 0; i < HOSTS; i++) {
            String host = host(i);
            if (!three.owner(host).equals(four.owner(host))) {
                moved++;
                assertThat(four.owner(host)).isEqualTo("d"); // no host moves between the old nodes
            }
        }
        assertThat(moved).isBetween(HOSTS / 4 / 2, HOSTS / 4 * 2);
    }

    @Test
    void theOriginsOfOneServerHaveOneOwnerAsTheGatePacesThemAsOne() {
        HostRing ring = new HostRing(List.of("a", "b", "c"));
        Map<String, Integer> servers = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            String owner = ring.owner("http://news" + i + ".example.org:80");
            assertThat(ring.owner("https://news" + i + ".example.org:443")).isEqualTo(owner);
            assertThat(ring.owner("http://NEWS" + i + ".example.org:8080")).isEqualTo(owner);
            servers.merge(owner, 1, Integer::sum);
        }
        assertThat(servers).containsOnlyKeys("a", "b", "c"); // still shared out, server by server
    }

    @Test
    void oneNodeOwnsEverything() {
        HostRing alone = new HostRing(List.of("solo"));
        assertThat(shares(alone)).containsOnlyKeys("solo");
    }

    @Test
    void noNodesIsAnError() {
        assertThatThrownBy(() -> new HostRing(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, Integer> shares(HostRing ring) {
        Map<String, Integer> shares = new HashMap<>();
        for (int i = 0; i < HOSTS; i++) {
            shares.merge(ring.owner(host(i)), 1, Integer::sum);
        }
        return shares;
    }

    private static String host(int i) {
        return "https://news" + i + ".example.org:443";
    }
}
