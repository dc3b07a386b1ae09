package dev.menagerie.admin.impl.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandRegistryTest {

    private static AdminCommand named(String primary, Set<String> names, Runnable body) {
        return new AdminCommand() {
            @Override public String primaryName() { return primary; }
            @Override public Set<String> names() { return names; }
            @Override public boolean needsServer() { return false; }
            @Override public CommandResponse run(CommandRequest request) {
                body.run();
                return CommandResponse.ok(primary, Map.of("ran", true));
            }
        };
    }

    @Test
    void findsACommandByAnyOfItsNamesAndReportsThePrimaryName() {
        CommandRegistry registry = new CommandRegistry(List.of(
                named("configuration", Set.of("configuration", "conf", "config"), () -> { })), () -> null);

        for (String name : List.of("configuration", "conf", "config")) {
            CommandResponse response = registry.run(name, CommandRequest.get());
            assertEquals("configuration", response.command());
            assertNull(response.error());
            assertEquals(200, response.httpStatus());
        }
    }

    @Test
    void unknownCommandAnswers200WithApachesMessageAsApacheDoes() {
        CommandRegistry registry = new CommandRegistry(List.of(new RuokCommand()), () -> null);

        CommandResponse response = registry.run("nosuch", CommandRequest.get());

        assertEquals(200, response.httpStatus());
        assertEquals("nosuch", response.command());
        assertEquals("Unknown command: nosuch", response.error());
    }

    @Test
    void aCommandThatThrowsAnswers500InsteadOfFailingTheServer() {
        CommandRegistry registry = new CommandRegistry(List.of(
                named("boom", Set.of("boom"), () -> { throw new IllegalStateException("broken"); })), () -> null);

        CommandResponse response = registry.run("boom", CommandRequest.get());

        assertEquals(500, response.httpStatus());
        assertEquals("Command failed: java.lang.IllegalStateException: broken", response.error());
    }

    @Test
    void refusesTwoCommandsSharingAName() {
        assertThrows(IllegalArgumentException.class, () -> new CommandRegistry(List.of(
                named("a", Set.of("a", "x"), () -> { }), named("b", Set.of("b", "x"), () -> { })), () -> null));
    }

    @Test
    void listsPrimaryNamesSorted() {
        CommandRegistry registry = new CommandRegistry(List.of(
                named("zeta", Set.of("zeta", "z"), () -> { }), new RuokCommand(),
                named("alpha", Set.of("alpha"), () -> { })), () -> null);

        assertEquals(List.of("alpha", "ruok", "zeta"), registry.primaryNames());
    }

    @Test
    void responseMapPutsCommandAndErrorFirstAndFieldsCannotOverrideThem() {
        CommandResponse response = CommandResponse.ok("x", Map.of("command", "forged", "k", 1));

        Map<String, Object> map = response.toMap();

        assertEquals(List.of("command", "error", "k"), List.copyOf(map.keySet()));
        assertEquals("x", map.get("command"));
    }
}
