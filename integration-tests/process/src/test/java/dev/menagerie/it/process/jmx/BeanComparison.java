package dev.menagerie.it.process.jmx;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.tools.attach.VirtualMachine;
import dev.menagerie.it.process.EnsembleMember;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.management.MBeanFeatureInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.function.Executable;

/** Reads every bean of Apache's domain and compares Menagerie's with Apache's, name by name. */
final class BeanComparison {

    static final String DOMAIN = "org.apache.ZooKeeperService";

    private BeanComparison() {
    }

    /** How a level of a name is generalised, given its key, its value and every key of the name. */
    interface LevelRule {
        String generalise(String key, String value, Map<String, String> keys);
    }

    /** The name with each level generalised by {@code rule}, keys in order. */
    static String generalise(ObjectName name, LevelRule rule) {
        Map<String, String> keys = name.getKeyPropertyList();
        return DOMAIN + ":" + keys.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(key -> key.getKey() + "=" + rule.generalise(key.getKey(), key.getValue(), keys))
                .collect(Collectors.joining(","));
    }

    /**
     * {@code first} or {@code second} when {@code key} is one of the two levels under the level named
     * {@code group} (a connection's address and id), else {@code value}.
     */
    static String underGroup(String key, String value, Map<String, String> keys, String group, String first,
            String second) {
        for (int level = 0; keys.containsKey("name" + level); level++) {
            if (group.equals(keys.get("name" + level))) {
                if (key.equals("name" + (level + 1))) {
                    return first;
                }
                if (key.equals("name" + (level + 2))) {
                    return second;
                }
            }
        }
        return value;
    }

    /** A JMX connection to the member's JVM, through the attach API and its local management agent. */
    static JMXConnector attach(EnsembleMember member) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(String.valueOf(member.pid()));
        try {
            return JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()));
        } finally {
            vm.detach();
        }
    }

    /** Every bean of Apache's domain, by its name as {@code generalise} gives it. */
    static Map<String, MBeanInfo> beans(MBeanServerConnection jmx, Function<ObjectName, String> generalise)
            throws Exception {
        Map<String, MBeanInfo> beans = new TreeMap<>();
        for (ObjectName name : jmx.queryNames(new ObjectName(DOMAIN + ":*"), null)) {
            beans.put(generalise.apply(name), jmx.getMBeanInfo(name));
        }
        return beans;
    }

    /**
     * The same names except {@code missingBeans} (which Apache must have); per bean, Apache's attributes and
     * operations except {@code missing}, nothing Apache lacks, and the same types for the attributes both have.
     */
    static void assertSameAsApache(String who, Map<String, MBeanInfo> theirs, Map<String, MBeanInfo> ours,
            Set<String> missingBeans, Function<String, Set<String>> missing) {
        assertEquals(Set.of(), difference(missingBeans, difference(theirs.keySet(), ours.keySet())),
                who + ": the beans allowed to be missing are Apache's and missing");
        Set<String> expected = difference(theirs.keySet(), missingBeans);
        assertEquals(expected, ours.keySet(), who + ": the same ObjectNames as Apache's");
        List<Executable> checks = new ArrayList<>();
        for (String bean : expected) {
            checks.add(() -> assertEquals(missing.apply(bean),
                    difference(features(theirs.get(bean)), features(ours.get(bean))),
                    who + " " + bean + ": Apache's attributes and operations that Menagerie lacks"));
            checks.add(() -> assertEquals(Set.of(), difference(features(ours.get(bean)), features(theirs.get(bean))),
                    who + " " + bean + ": attributes and operations that Apache does not have"));
            checks.add(() -> assertEquals(attributeTypes(theirs.get(bean), ours.get(bean)),
                    attributeTypes(ours.get(bean), theirs.get(bean)),
                    who + " " + bean + ": the types of the attributes both have"));
        }
        assertAll(who + ": every bean", checks);
    }

    /** {@code attribute Name} and {@code operation name} entries. */
    private static Set<String> features(MBeanInfo info) {
        Set<String> features = new TreeSet<>();
        Arrays.stream(info.getAttributes()).map(MBeanFeatureInfo::getName).forEach(n -> features.add("attribute " + n));
        Arrays.stream(info.getOperations()).map(MBeanFeatureInfo::getName).forEach(n -> features.add("operation " + n));
        return features;
    }

    /** The types of {@code info}'s attributes that {@code other} has too, by name. */
    private static Map<String, String> attributeTypes(MBeanInfo info, MBeanInfo other) {
        Set<String> otherNames = Arrays.stream(other.getAttributes()).map(MBeanFeatureInfo::getName)
                .collect(Collectors.toSet());
        Map<String, String> types = new TreeMap<>();
        Arrays.stream(info.getAttributes()).filter(a -> otherNames.contains(a.getName()))
                .forEach(a -> types.put(a.getName(), a.getType()));
        return types;
    }

    private static Set<String> difference(Set<String> left, Set<String> right) {
        return left.stream().filter(f -> !right.contains(f)).collect(Collectors.toCollection(TreeSet::new));
    }
}
