package dev.menagerie.admin.impl.gogo;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.felix.service.command.Descriptor;

/**
 * {@code menagerie:usage}: every public command of a command class with its parameters and its {@link Descriptor}
 * text, read from the class so the list cannot drift from the commands.
 */
final class UsageText {

    private UsageText() {
    }

    static String format(Class<?> commands) {
        StringBuilder text = new StringBuilder();
        Method[] methods = Arrays.stream(commands.getDeclaredMethods())
                .filter(method -> Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers()))
                .sorted(Comparator.comparing(UsageText::commandName))
                .toArray(Method[]::new);
        for (Method method : methods) {
            text.append(MenagerieCommands.SCOPE).append(':').append(commandName(method));
            for (Parameter parameter : method.getParameters()) {
                text.append(" <").append(parameter.getName()).append('>');
            }
            text.append(System.lineSeparator()).append("    ").append(describe(method.getAnnotation(Descriptor.class)))
                    .append(System.lineSeparator());
            for (Parameter parameter : method.getParameters()) {
                text.append("    <").append(parameter.getName()).append(">: ")
                        .append(describe(parameter.getAnnotation(Descriptor.class))).append(System.lineSeparator());
            }
        }
        text.append("Gogo's help <command> prints the same for one command; help alone lists every scope's commands.")
                .append(System.lineSeparator());
        return text.toString();
    }

    private static String commandName(Method method) {
        String name = method.getName();
        return name.startsWith("_") ? name.substring(1) : name;
    }

    private static String describe(Descriptor descriptor) {
        return descriptor == null ? "(no description)" : descriptor.value();
    }
}
