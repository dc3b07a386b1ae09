package dev.menagerie.jmx.impl;

/** The error an MBean operation or setter answers when Menagerie cannot do what Apache's bean does. */
final class Refusal {

    private Refusal() {
    }

    static UnsupportedOperationException of(String what, String why) {
        return new UnsupportedOperationException(what + " is not supported by Menagerie's JMX beans: " + why);
    }

    static UnsupportedOperationException configOnly(String attribute, String key) {
        return of("Setting " + attribute, "it is read from " + key + " in zoo.cfg at start; change it there and"
                + " restart the server");
    }
}
