package dev.menagerie.it.process.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.it.process.Clients;
import dev.menagerie.it.process.Distribution;
import dev.menagerie.it.process.MenagerieServer;
import dev.menagerie.testing.Await;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web console in a real browser (Debian's chromium, headless, through Selenium) against a standalone server
 * of the distribution: the ensemble panel, a chart fed by client writes, the bundle and strategy tables, a znode
 * a client created, switching refused without credentials and done with them, and the bundle uninstalled and
 * reinstalled while the server runs. Screenshots go to target/console-screenshots.
 */
class ConsoleBrowserTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration UI_TIMEOUT = Duration.ofSeconds(20);
    /** The write load that feeds the throughput chart stops after this long even if the chart never moves. */
    private static final Duration MAX_WRITE_LOAD = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    @Test
    void theConsoleShowsTheServerAndComesAndGoesWithItsBundle() throws Exception {
        Path work = Distribution.newWorkDir("console");
        Path deploy = Files.createDirectories(work.resolve("deploy"));
        try (MenagerieServer server = MenagerieServer.withShell("console", work, deploy, Map.of());
                HeadlessChromium chromium = HeadlessChromium.start(work.resolve("chromium-profile"), SCREENSHOTS)) {
            server.start();
            ZooKeeper client = Clients.awaitServing(server, START_TIMEOUT);
            client.create("/console-test", "hello console".getBytes(StandardCharsets.UTF_8),
                    ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            String console = "http://127.0.0.1:" + server.adminPort() + "/console";
            WebDriver page = chromium.driver();
            page.get(console);

            awaitText(page, By.id("mode"), "standalone");
            awaitTextContaining(page, By.cssSelector("#members tbody tr.self"), "standalone");
            chromium.screenshot("1-ensemble");

            showsThroughputWhileClientsWrite(page, client);
            chromium.screenshot("2-charts");

            awaitText(page, By.cssSelector("#strategies tr[data-role=cnxnFactory] .chosen"), "nio");
            awaitTextContaining(page, By.id("bundles"), "dev.menagerie.console");

            browsesTheNodeTheClientCreated(page);
            chromium.screenshot("3-znode");

            switchingIsRefusedWithoutCredentials(page);
            chromium.screenshot("4-switch-refused");
            switchesTheTransportWithCredentials(page);
            chromium.screenshot("5-switched");

            uninstallingTheBundleRemovesThePageAndDeployingItBringsItBack(server, deploy, console);
            page.navigate().refresh();
            awaitText(page, By.id("mode"), "standalone");
            chromium.screenshot("6-reinstalled");
            Clients.closeQuietly(client);
        }
    }

    private static void showsThroughputWhileClientsWrite(WebDriver page, ZooKeeper client) throws Exception {
        AtomicBoolean seen = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            long endNs = System.nanoTime() + MAX_WRITE_LOAD.toNanos();
            try {
                for (int i = 0; !seen.get() && System.nanoTime() < endNs; i++) {
                    client.setData("/console-test", ("hello console " + i).getBytes(StandardCharsets.UTF_8), -1);
                }
                client.setData("/console-test", "hello console".getBytes(StandardCharsets.UTF_8), -1);
            } catch (Exception e) {
                throw new IllegalStateException("the write load failed", e);
            }
        }, "console-write-load");
        writer.start();
        try {
            Await.untilTrue(() -> "the throughput chart to show requests (now "
                    + text(page, By.id("ops-now")) + ")", MAX_WRITE_LOAD, () -> number(page, "ops-now") > 0);
            assertTrue(Integer.parseInt(page.findElement(By.id("chart-ops")).getAttribute("data-points")) > 0);
            assertTrue(Integer.parseInt(page.findElement(By.id("chart-latency")).getAttribute("data-points")) > 0);
        } finally {
            seen.set(true);
            writer.join(MAX_WRITE_LOAD.toMillis());
        }
    }

    private static void browsesTheNodeTheClientCreated(WebDriver page) {
        By node = By.cssSelector("#tree a[data-path='/console-test']");
        Await.untilTrue("the root's children listed", UI_TIMEOUT, () -> !page.findElements(node).isEmpty());
        page.findElement(node).click();
        awaitText(page, By.id("node-path"), "/console-test");
        awaitText(page, By.id("node-data"), "hello console");
        assertTrue(text(page, By.id("node-acl")).contains("world:anyone"), "ACL shown");
        assertTrue(text(page, By.id("node-stat")).contains("dataLength"), "stat shown");
    }

    private static void switchingIsRefusedWithoutCredentials(WebDriver page) {
        transportSwitch(page, "netty");
        Await.untilTrue(() -> "a refusal, got: " + text(page, By.id("switch-result")), UI_TIMEOUT,
                () -> text(page, By.id("switch-result")).startsWith("Refused (401)"));
        awaitText(page, By.cssSelector("#strategies tr[data-role=cnxnFactory] .chosen"), "nio");
    }

    private static void switchesTheTransportWithCredentials(WebDriver page) {
        page.findElement(By.id("user")).sendKeys("operator");
        page.findElement(By.id("password")).sendKeys("secret");
        page.findElement(By.id("login-button")).click();
        awaitText(page, By.id("access"), "signed in");
        transportSwitch(page, "netty");
        Await.untilTrue(() -> "the switch accepted, got: " + text(page, By.id("switch-result")), UI_TIMEOUT,
                () -> text(page, By.id("switch-result")).startsWith("Switched: cnxnFactory: nio -> netty"));
        awaitText(page, By.cssSelector("#strategies tr[data-role=cnxnFactory] .chosen"), "netty");
    }

    /** Picks the type and clicks Switch, again if the table was redrawn in between. */
    private static void transportSwitch(WebDriver page, String type) {
        Await.untilNoException("the transport switch clicked", UI_TIMEOUT, () -> {
            WebElement row = page.findElement(By.cssSelector("#strategies tr[data-role=cnxnFactory]"));
            new Select(row.findElement(By.cssSelector("select.type"))).selectByValue(type);
            row.findElement(By.cssSelector("button.switch")).click();
            return true;
        });
    }

    private static void uninstallingTheBundleRemovesThePageAndDeployingItBringsItBack(MenagerieServer server,
            Path deploy, String console) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        server.sendLine("uninstall dev.menagerie.console");
        Await.untilTrue("/console to answer 404 once the bundle is uninstalled", UI_TIMEOUT,
                () -> status(http, console) == 404);
        assertEquals(200, status(http, console.replace("/console", "/commands/ruok")), "commands still served");

        Path jar = Path.of(System.getProperty("menagerie.console.jar", "(menagerie.console.jar not set)"));
        assertTrue(Files.isRegularFile(jar), "the console bundle's jar " + jar + " (build the bundles first)");
        Files.copy(jar, deploy.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Await.untilTrue("/console to answer 200 once the jar is in deploy/", UI_TIMEOUT,
                () -> status(http, console) == 200);
        assertTrue(server.isAlive(), "the server was not restarted");
    }

    private static int status(HttpClient http, String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void awaitText(WebDriver page, By where, String expected) {
        Await.untilTrue(() -> where + " to read '" + expected + "', reads '" + text(page, where) + "'", UI_TIMEOUT,
                () -> expected.equals(text(page, where)));
    }

    /** Waits for the text to appear; the tables are redrawn every few seconds, so a single read may miss it. */
    private static void awaitTextContaining(WebDriver page, By where, String expected) {
        Await.untilTrue(() -> where + " to contain '" + expected + "', reads '" + text(page, where) + "'",
                UI_TIMEOUT, () -> text(page, where).contains(expected));
    }

    /** The element's text; the page redraws its tables every few seconds, so a stale element reads as such. */
    private static String text(WebDriver page, By where) {
        try {
            return page.findElements(where).stream().findFirst().map(WebElement::getText).orElse("(absent)");
        } catch (StaleElementReferenceException redrawn) {
            return "(redrawn)";
        }
    }

    private static double number(WebDriver page, String id) {
        try {
            return Double.parseDouble(text(page, By.id(id)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
