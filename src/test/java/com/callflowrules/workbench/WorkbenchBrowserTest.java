package com.callflowrules.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.support.ApiClient;
import com.callflowrules.support.ApiClient.Answer;
import com.callflowrules.support.RulesCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The workbench in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver},
 * which {@code .ci/run} installs), driven by Selenium against the running service on loopback,
 * with four-eyes on: an analyst signs in, breaks a rule file and sees the message at its line,
 * mends it, adds a flow variant from its template and saves a checked draft; the analyst may not
 * approve it; an approver approves and publishes it; the next call through the JSON API is
 * decided by it, and its decisions are found on the page. The page writes no error to the
 * console. The screenshots in docs/images are taken here.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:workbench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "callflow.rules.four-eyes=true",
            "callflow.rules.scenario-gate=true",
            "callflow.rules.watch=false",
            "callflow.timers.enabled=false"
        })
class WorkbenchBrowserTest {

    // docs/images only when asked (-Dworkbench.screenshots=docs/images), so a build changes no committed file
    private static final Path SCREENSHOTS =
            Path.of(System.getProperty("workbench.screenshots", "target/workbench-screenshots"));
    private static final String VARIANT = "secured_five_web";

    @TempDir
    static Path dir;

    private static WebDriver browser;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void rules(DynamicPropertyRegistry registry) {
        RulesCopy rules = RulesCopy.of(dir.resolve("rules"));
        registry.add("callflow.rules.directory", () -> rules.root().toString());
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,800",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium")));
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    private WebElement id(String id) {
        return browser.findElement(By.id(id));
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve("workbench-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private void signIn(String user, String password) {
        browser.get("http://127.0.0.1:" + port + "/workbench/");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user")));
        id("login-user").sendKeys(user);
        id("login-password").sendKeys(password, Keys.ENTER);
        waiting().until(ExpectedConditions.textToBe(By.id("who"), "Signed in as " + user));
    }

    private String editorText() {
        return (String) ((JavascriptExecutor) browser)
                .executeScript("return document.querySelector('.CodeMirror').CodeMirror.getValue()");
    }

    private void saveDraft(String message, String expectedState) {
        WebElement why = id("draft-message");
        why.clear();
        why.sendKeys(message);
        id("save-draft").click();
        waiting().until(ExpectedConditions.attributeToBe(By.id("draft-result"), "data-state", expectedState));
    }

    @Test
    void anAnalystEditsAndChecksADraftAndAnApproverPublishesItForTheNextCall() throws IOException {
        ApiClient api = new ApiClient(port);
        String published = api.get("/rules").text("published");
        // a number whose group sets a property, for trying calls
        String acme = api.post("/accounts", "{\"name\": \"Acme\", \"call_flow_sid\": \"secured\"}")
                .text("account_sid");
        String sales = api.post(
                        "/did_groups",
                        "{\"account_sid\": \"" + acme
                                + "\", \"name\": \"Sales\", \"properties\": {\"conference_start_wait\": \"120\"}}")
                .text("did_group_sid");
        assertThat(api.post(
                                "/dids",
                                "{\"account_sid\": \"" + acme
                                        + "\", \"phonenumber\": \"+15550006666\", \"did_group_sid\": \"" + sales
                                        + "\"}")
                        .status())
                .isEqualTo(201);
        Answer weekly = api.post(
                "/meeting_rooms",
                "{\"account_sid\": \"" + acme + "\", \"name\": \"Weekly\", \"did_group_sid\": \"" + sales
                        + "\", \"access_codes\": [{\"access_code\": \"6666\", \"role\": \"host\"}]}");
        assertThat(weekly.status()).as(weekly.raw()).isEqualTo(201);

        // the analyst signs in and sees the releases and the node
        signIn("analyst", "analyst-password");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("releases"), published));
        assertThat(id("releases").getText()).contains(published + " published");
        assertThat(id("nodes").getText()).contains(published);
        screenshot("releases");

        // opens a rule file, introduces a typo at its end and sees the message at that line
        id("nav-edit").click();
        By behaviours = By.cssSelector("button.file[data-path='behaviours.drl']");
        waiting().until(ExpectedConditions.elementToBeClickable(behaviours)).click();
        waiting().until(ExpectedConditions.textToBe(By.id("editing"), "behaviours.drl"));
        String original = editorText();
        new Actions(browser)
                .click(browser.findElement(By.cssSelector(".CodeMirror-code")))
                .keyDown(Keys.CONTROL)
                .sendKeys(Keys.END)
                .keyUp(Keys.CONTROL)
                .sendKeys(Keys.ENTER, "oops")
                .perform();
        List<String> lines = editorText().lines().toList();
        int typoLine = lines.stream().map(String::strip).toList().indexOf("oops") + 1;
        assertThat(typoLine).as("the typo is in the editor").isPositive();
        saveDraft("a typo on purpose", "refused");
        assertThat(id("messages").getText()).contains("behaviours.drl, line ");
        assertThat(browser.findElements(By.cssSelector(".CodeMirror-lint-marker-error")))
                .as("the message is marked in the editor's gutter")
                .isNotEmpty();
        String place = id("messages")
                .findElement(By.cssSelector("button.message-place"))
                .getText();
        int messageLine = Integer.parseInt(place.replaceAll(".*line (\\d+).*", "$1"));
        assertThat(messageLine).as(id("messages").getText()).isBetween(typoLine - 1, typoLine + 1);
        screenshot("edit-refused");

        // mends it, adds a variant from the template, and the draft checks clean
        browser.findElement(By.cssSelector(".CodeMirror-code")).click();
        new Actions(browser)
                .keyDown(Keys.CONTROL)
                .sendKeys(Keys.END)
                .keyUp(Keys.CONTROL)
                .perform();
        for (int i = 0; i < 12 && !editorText().equals(original); i++) {
            new Actions(browser).sendKeys(Keys.BACK_SPACE).perform();
        }
        assertThat(editorText()).isEqualTo(original);
        new Select(id("template")).selectByValue("flow");
        id("template-name").sendKeys(VARIANT);
        id("template-add").click();
        waiting().until(ExpectedConditions.textToBe(By.id("editing"), "call-flows/" + VARIANT + ".yaml"));
        assertThat(editorText()).contains("accesscode_max_attempts: \"5\"");
        saveDraft("five tries, made in the workbench", "checked");
        String version = id("draft-result").getAttribute("data-version");
        int scenarios = com.callflowrules.scenario.ScenarioSuite.files(dir.resolve("rules/scenarios"))
                .size();
        assertThat(id("draft-result").getText())
                .contains("is checked")
                .contains("Scenarios: " + scenarios + " passed, 0 failed");
        assertThat(id("messages").getText()).isEmpty();
        screenshot("edit-checked");

        // tries a code entry picked from the hierarchy with the draft beside the published release,
        // and sees where each value comes from
        id("nav-try").click();
        waiting()
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#try-version option[value='" + version + "']")));
        assertThat(new Select(id("try-version")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo(version);
        waiting()
                .until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("#pick button[data-sid='" + weekly.text("meeting_room_sid") + "']")))
                .click();
        assertThat(new Select(id("try-event")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("code_entry");
        assertThat(id("try-number").getAttribute("value")).isEqualTo("+15550006666");
        assertThat(id("try-code").getAttribute("value")).isEqualTo("6666");
        id("try-run").click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("try-left-title"), version));
        assertThat(id("try-left").getText()).contains("JOIN").contains("host").contains(version);
        assertThat(id("try-right").getText()).contains("JOIN").contains(published);
        WebElement startWait = browser.findElement(
                By.cssSelector("#try-properties tr[data-property='conference_start_wait'] td[data-level='did_group']"));
        assertThat(startWait.getText()).isEqualTo("120 (" + sales + ")");
        assertThat(browser.findElement(By.cssSelector(
                                "#try-properties tr[data-property='conference_start_wait'] td[data-level='call_flow']"))
                        .getText())
                .isEmpty();
        assertThat(browser.findElement(
                                By.cssSelector(
                                        "#try-sources li[data-level='did_group'] .supplied[data-property='conference_start_wait']"))
                        .getText())
                .as("the group's value drawn at the group, under its account")
                .isEqualTo("conference_start_wait = 120");
        assertThat(browser.findElements(By.cssSelector(
                        "#try-sources li[data-level='account'] li[data-level='did_group'] li[data-level='did']"
                                + " li[data-level='meeting_room']")))
                .as("the path account > group > DID > room")
                .hasSize(1);
        ((JavascriptExecutor) browser).executeScript("document.getElementById('sources-title').scrollIntoView()");
        screenshot("try");

        // makes a scenario of that try, which the draft's check runs with the others
        id("try-scenario").click();
        waiting().until(ExpectedConditions.textToBe(By.id("editing"), "scenarios/tried_1.yaml"));
        assertThat(editorText()).contains("\"enters\":\"6666\"").contains("\"action\":\"JOIN\"");
        saveDraft("five tries, and a scenario made from a try", "checked");
        version = id("draft-result").getAttribute("data-version");
        scenarios++;
        assertThat(id("draft-result").getText()).contains("Scenarios: " + scenarios + " passed, 0 failed");

        // tries keys on a live call: the host's *7 would lock the meeting, and nothing changes
        String host = api.post("/calls", "{\"number_dst\": \"+15550006666\"}")
                .body()
                .get("call")
                .get("call_sid")
                .asString();
        Answer joined = api.post("/calls/" + host + "/access_code", "{\"access_code\": \"6666\"}");
        assertThat(joined.body().get("call").get("state").asString()).isEqualTo("joined");
        id("nav-releases").click();
        id("nav-try").click();
        waiting()
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#try-version option[value='" + version + "']")));
        new Select(id("try-event")).selectByValue("key_press");
        waiting()
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#try-call option[value='" + host + "']")));
        new Select(id("try-call")).selectByValue(host);
        id("try-digits").sendKeys("*7", Keys.ENTER);
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("try-left"), "conference_lock"));
        assertThat(id("try-left").getText()).contains("IN_CALL_ACTION").contains(version);
        assertThat(id("try-right").getText()).contains("IN_CALL_ACTION").contains(published);
        String meeting = joined.body().get("call").get("meeting_sid").asString();
        assertThat(api.get("/meetings/" + meeting).body().get("locked").asBoolean())
                .isFalse();
        screenshot("try-keys");

        // runs every scenario against the draft: all pass, and no decision changes
        id("nav-scenarios").click();
        waiting()
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#scenarios-version option[value='" + version + "']")));
        new Select(id("scenarios-version")).selectByValue(version);
        id("scenarios-run").click();
        waiting().until(ExpectedConditions.attributeToBe(By.id("scenarios-summary"), "data-version", version));
        assertThat(id("scenarios-summary").getText())
                .isEqualTo(scenarios + " passed, 0 failed; 0 scenarios decide differently from the published "
                        + published + ".");
        assertThat(id("scenarios-results").findElements(By.cssSelector("tbody tr")))
                .hasSize(scenarios);
        assertThat(id("scenarios-results").getText()).doesNotContain("FAILED");
        screenshot("scenarios");

        // the analyst may not approve: the server says so and the page shows it
        id("nav-review").click();
        waiting().until(ExpectedConditions.attributeToBe(By.id("review-summary"), "data-state", "checked"));
        assertThat(new Select(id("review-version")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo(version);
        assertThat(id("review-files").getText()).contains("call-flows/" + VARIANT + ".yaml added");
        id("review-files")
                .findElement(By.xpath(".//button[text()='Show the lines']"))
                .click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#review-diff .CodeMirror-merge")));
        assertThat(id("review-diff").getText()).contains("accesscode_max_attempts: \"5\"");
        assertThat(browser.findElements(By.cssSelector("#review-diff .CodeMirror-merge-r-chunk")))
                .as("the added lines are marked as a change")
                .isNotEmpty();
        ((JavascriptExecutor) browser).executeScript("document.getElementById('review-diff-title').scrollIntoView()");
        screenshot("review-lines");
        id("approve").click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("review-result"), "Not allowed"));
        id("sign-out").click();

        // an approver approves and publishes it
        signIn("approver", "approver-password");
        id("nav-review").click();
        waiting()
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#review-version option[value='" + version + "']")));
        new Select(id("review-version")).selectByValue(version);
        waiting().until(ExpectedConditions.attributeToBe(By.id("review-summary"), "data-state", "checked"));
        id("approve").click();
        waiting().until(ExpectedConditions.attributeToBe(By.id("review-summary"), "data-state", "approved"));
        id("publish").click();
        waiting().until(ExpectedConditions.attributeToBe(By.id("review-summary"), "data-state", "published"));
        assertThat(id("review-files").getText())
                .as("once published, the release is shown against its base")
                .contains("call-flows/" + VARIANT + ".yaml added");
        screenshot("review");
        assertThat(api.get("/rules").text("version")).isEqualTo(version);

        // the next call through the JSON API is decided by the new release
        String account = api.post("/accounts", "{\"name\": \"Web\", \"call_flow_sid\": \"" + VARIANT + "\"}")
                .text("account_sid");
        Answer did = api.post("/dids", "{\"account_sid\": \"" + account + "\", \"phonenumber\": \"+15550007777\"}");
        assertThat(did.status()).as(did.raw()).isEqualTo(201);
        Answer call = api.post("/calls", "{\"number_dst\": \"+15550007777\"}");
        assertThat(call.status()).as(call.raw()).isEqualTo(201);
        assertThat(call.body().get("decision").get("attempts_left").asInt()).isEqualTo(5);
        String sid = call.body().get("call").get("call_sid").asString();

        // and it is found on the page by its number, written as people write it, with its decisions
        id("nav-calls").click();
        id("call-sid").sendKeys("+1 555-000-7777", Keys.ENTER);
        waiting().until(ExpectedConditions.attributeToBe(By.id("decisions"), "data-call", sid));
        assertThat(id("found-calls").getText()).contains(sid);
        assertThat(id("decisions").getText()).contains(version);
        assertThat(id("decisions").getText()).contains("PROMPT_ACCESS_CODE");
        screenshot("calls");

        String reviewed = version;
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .filter(entry -> !entry.getMessage().contains("/rule_releases/" + reviewed + "/approve"))
                .toList();
        assertThat(errors).as("console errors").isEmpty();
    }

    @Test
    void anAnalystTriesACallWithTheKeyboardAlone() {
        ApiClient api = new ApiClient(port);
        String account = api.post("/accounts", "{\"name\": \"Keys\", \"call_flow_sid\": \"secured\"}")
                .text("account_sid");
        api.post("/dids", "{\"account_sid\": \"" + account + "\", \"phonenumber\": \"+15550008888\"}");
        String room = api.post(
                        "/meeting_rooms",
                        "{\"account_sid\": \"" + account
                                + "\", \"name\": \"Keyboard\", \"access_codes\": [{\"access_code\": \"8888\", \"role\": \"participant\"}]}")
                .text("meeting_room_sid");
        browser.get("http://127.0.0.1:" + port + "/workbench/");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user")));

        tabTo("login-user");
        type("analyst");
        tabTo("login-password");
        type("analyst-password", Keys.ENTER);
        waiting().until(ExpectedConditions.textToBe(By.id("who"), "Signed in as analyst"));
        tabTo("nav-try");
        type(Keys.ENTER);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("try-form")));
        waiting()
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#pick button[data-sid='" + room + "']")));
        tabTo("pick:" + room);
        type(Keys.ENTER);
        assertThat(id("try-code").getAttribute("value")).isEqualTo("8888");
        tabTo("try-number");
        type(Keys.ENTER);
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("try-left"), "JOIN"));

        assertThat(id("try-left").getText()).contains("participant");
        assertThat(id("try-number").getAttribute("value")).isEqualTo("+15550008888");
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                        .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                        .toList())
                .as("console errors")
                .isEmpty();
    }

    /** Presses Tab until the element with this id (or "pick:SID", a picker button) has the focus. */
    private void tabTo(String target) {
        for (int i = 0; i < 80; i++) {
            WebElement focused = browser.switchTo().activeElement();
            String at = focused.getAttribute("data-sid") != null
                    ? "pick:" + focused.getAttribute("data-sid")
                    : focused.getAttribute("id");
            if (target.equals(at)) {
                return;
            }
            type(Keys.TAB);
        }
        throw new AssertionError("Tab never reached " + target);
    }

    private void type(CharSequence... keys) {
        new Actions(browser).sendKeys(keys).perform();
    }
}
