package dev.menagerie.classpath;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Manifest;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Services of the bundles on the class path, made from their Declarative Services descriptions (each jar's
 * {@code Service-Component} header and {@code OSGI-INF} XML) as the framework would make them, so that a caller
 * asks for "the {@code StorageFactory} with {@code type=file}" instead of importing the storage bundle's private
 * class. Only components a caller can create alone are supported: references only as constructor arguments, given
 * by the caller ({@link #create(Class, Object...)}), and an activate method without arguments.
 * The class path must hold the bundles' jars (in a reactor build: {@code package} or later), since their
 * {@code target/classes} carry no component descriptions.
 */
public final class DeclarativeComponents {

    private DeclarativeComponents() {
    }

    /** A service object made from a component description; {@link #close()} runs its deactivate method. */
    public static final class Instance<S> implements AutoCloseable {
        private final S service;
        private final String deactivate;

        private Instance(S service, String deactivate) {
            this.service = service;
            this.deactivate = deactivate;
        }

        public S service() {
            return service;
        }

        @Override
        public void close() {
            if (deactivate != null) {
                invoke(service, deactivate);
            }
        }
    }

    /**
     * @param constructorArguments the {@code init} attribute: how many arguments the constructor takes
     * @param boundByMethod optional references with a bind method, bound to a given service if there is one
     * @param needsFramework references bound to fields, or mandatory ones bound by methods, which only the framework
     *                       can bind
     */
    private record Description(String name, List<String> provides, Map<String, String> properties,
            String implementation, String activate, String deactivate, int constructorArguments,
            List<MethodReference> boundByMethod, boolean needsFramework) {
    }

    /** An optional reference that Declarative Services binds by calling {@code bind}. */
    private record MethodReference(String name, String service, String bind) {
    }

    /** A new instance of the one component that provides {@code type} with service property {@code key=value}. */
    public static <S> Instance<S> create(Class<S> type, String key, String value) {
        return create(type, key, value, new Object[0]);
    }

    /**
     * A new instance of the one component that provides {@code type} with service property {@code key=value}
     * (any, when {@code key} is null), whose constructor takes references: each is given one of {@code services},
     * the first that is of the argument's type, as the framework would bind it.
     */
    public static <S> Instance<S> create(Class<S> type, String key, String value, Object... services) {
        List<Description> matches = new ArrayList<>();
        for (Description description : descriptions()) {
            if (description.provides().contains(type.getName())
                    && (key == null || value.equals(description.properties().get(key)))) {
                matches.add(description);
            }
        }
        String wanted = type.getSimpleName() + (key == null ? "" : " with " + key + "=" + value);
        if (matches.size() != 1) {
            throw new IllegalStateException(matches.isEmpty()
                    ? "no component on the class path provides a " + wanted + " (the providing bundle's jar must"
                            + " be on the class path, built with its OSGI-INF descriptions)"
                    : matches.size() + " components provide a " + wanted + ": " + matches);
        }
        return instantiate(type, matches.get(0), List.of(services));
    }

    /** A new instance of the one component that provides {@code type}. */
    public static <S> Instance<S> create(Class<S> type) {
        return create(type, null, null);
    }

    /** A new instance of the one component that provides {@code type}, given the references it takes. */
    public static <S> Instance<S> create(Class<S> type, Object... services) {
        return create(type, null, null, services);
    }

    private static <S> Instance<S> instantiate(Class<S> type, Description description, List<Object> services) {
        if (description.needsFramework()) {
            throw new IllegalStateException(description.name() + " needs other services or its configuration:"
                    + " run it in the OSGi framework instead");
        }
        try {
            Class<?> implementation = Class.forName(description.implementation(), true,
                    Thread.currentThread().getContextClassLoader());
            Object created = construct(description, implementation, services);
            for (MethodReference reference : description.boundByMethod()) {
                bind(created, reference, services);
            }
            if (description.activate() != null) {
                invoke(created, description.activate());
            }
            return new Instance<>(type.cast(created), description.deactivate());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create component " + description.name() + ": " + e, e);
        }
    }

    private static Object construct(Description description, Class<?> implementation, List<Object> services)
            throws ReflectiveOperationException {
        for (var constructor : implementation.getDeclaredConstructors()) {
            if (constructor.getParameterCount() != description.constructorArguments()) {
                continue;
            }
            Class<?>[] types = constructor.getParameterTypes();
            Object[] arguments = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                Class<?> wanted = types[i];
                if (wanted.isAnnotation()) {
                    arguments[i] = ComponentProperties.of(wanted, description.properties());
                    continue;
                }
                arguments[i] = services.stream().filter(wanted::isInstance).findFirst().orElseThrow(() ->
                        new IllegalStateException(description.name() + " needs a " + wanted.getSimpleName()
                                + "; give one to create"));
            }
            constructor.setAccessible(true);
            return constructor.newInstance(arguments);
        }
        throw new IllegalStateException(description.name() + " has no constructor taking "
                + description.constructorArguments() + " references");
    }

    /** Calls the bind method with the first of {@code services} that is the reference's service, if one is. */
    private static void bind(Object component, MethodReference reference, List<Object> services)
            throws ReflectiveOperationException {
        Class<?> wanted = Class.forName(reference.service(), false, component.getClass().getClassLoader());
        Object service = services.stream().filter(wanted::isInstance).findFirst().orElse(null);
        if (service == null) {
            return;
        }
        for (Method method : component.getClass().getDeclaredMethods()) {
            if (method.getName().equals(reference.bind()) && method.getParameterCount() == 1
                    && method.getParameterTypes()[0].isAssignableFrom(wanted)) {
                method.setAccessible(true);
                method.invoke(component, service);
                return;
            }
        }
        throw new IllegalStateException(component.getClass().getName() + "." + reference.bind() + " does not take"
                + " just the service; only such bind methods can be called outside the framework");
    }

    private static void invoke(Object target, String methodName) {
        try {
            Method method = target.getClass().getDeclaredMethod(methodName);
            method.setAccessible(true);
            method.invoke(target);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(target.getClass().getName() + "." + methodName + " takes arguments;"
                    + " only components whose activate and deactivate take none can be made outside the framework");
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(target.getClass().getName() + "." + methodName + " failed: "
                    + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The descriptions on each class path, read once: callers create many services from the same jars. */
    private static final Map<ClassLoader, List<Description>> DESCRIPTIONS = new ConcurrentHashMap<>();

    private static List<Description> descriptions() {
        return DESCRIPTIONS.computeIfAbsent(Thread.currentThread().getContextClassLoader(), DeclarativeComponents::read);
    }

    private static List<Description> read(ClassLoader loader) {
        List<Description> found = new ArrayList<>();
        try {
            Enumeration<URL> manifests = loader.getResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                URL url = manifests.nextElement();
                String header;
                try (InputStream in = url.openStream()) {
                    header = new Manifest(in).getMainAttributes().getValue("Service-Component");
                }
                if (header == null) {
                    continue;
                }
                String base = url.toString().substring(0, url.toString().length() - "META-INF/MANIFEST.MF".length());
                for (String path : header.split(",")) {
                    found.add(parse(new URL(base + path.trim())));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read component descriptions: " + e, e);
        }
        return List.copyOf(found);
    }

    private static Description parse(URL xml) throws IOException {
        try (InputStream in = xml.openStream()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            Document document = factory.newDocumentBuilder().parse(in);
            Element component = document.getDocumentElement();
            List<String> provides = new ArrayList<>();
            NodeList provideNodes = component.getElementsByTagName("provide");
            for (int i = 0; i < provideNodes.getLength(); i++) {
                provides.add(((Element) provideNodes.item(i)).getAttribute("interface"));
            }
            Map<String, String> properties = new HashMap<>();
            NodeList propertyNodes = component.getElementsByTagName("property");
            for (int i = 0; i < propertyNodes.getLength(); i++) {
                Element property = (Element) propertyNodes.item(i);
                properties.put(property.getAttribute("name"), property.getAttribute("value"));
            }
            Element implementation = (Element) component.getElementsByTagName("implementation").item(0);
            int constructorArguments = component.getAttribute("init").isEmpty() ? 0
                    : Integer.parseInt(component.getAttribute("init"));
            List<MethodReference> boundByMethod = new ArrayList<>();
            boolean needsFramework = false;
            NodeList referenceNodes = component.getElementsByTagName("reference");
            for (int i = 0; i < referenceNodes.getLength(); i++) {
                Element reference = (Element) referenceNodes.item(i);
                if (!reference.getAttribute("parameter").isEmpty()) {
                    continue;
                }
                boolean optional = reference.getAttribute("cardinality").startsWith("0");
                if (optional && !reference.getAttribute("bind").isEmpty()) {
                    boundByMethod.add(new MethodReference(reference.getAttribute("name"),
                            reference.getAttribute("interface"), reference.getAttribute("bind")));
                } else {
                    needsFramework = true;
                }
            }
            return new Description(component.getAttribute("name"), provides, properties,
                    implementation.getAttribute("class"), emptyToNull(component.getAttribute("activate")),
                    emptyToNull(component.getAttribute("deactivate")), constructorArguments,
                    List.copyOf(boundByMethod), needsFramework);
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IOException("bad component description " + xml + ": " + e, e);
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
