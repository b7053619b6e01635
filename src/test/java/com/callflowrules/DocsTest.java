package com.callflowrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * The repository stands on its own: every link in the README and under docs/ that is not a web
 * address resolves to a file (and heading) inside the repository; and the code the embedding
 * guide and the README show is the code the consumer build runs.
 */
class DocsTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Parser MARKDOWN = Parser.builder().build();
    private static final Path SNIPPET_SOURCE =
            ROOT.resolve("src/it/plain-router/src/test/java/example/router/PlainRouterTest.java");

    @Test
    void everyRelativeLinkResolvesInsideTheRepository() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            for (String target : links(page)) {
                String problem = problem(page, target);
                if (problem != null) {
                    broken.add(ROOT.relativize(page) + ": " + target + " (" + problem + ")");
                }
            }
        }
        assertThat(pages())
                .contains(ROOT.resolve("README.md"), ROOT.resolve("docs/domain.md"), ROOT.resolve("docs/embedding.md"));
        assertThat(broken).isEmpty();
    }

    @Test
    void theCheckFindsALinkThatLeavesTheRepositoryAndOneThatGoesNowhere() {
        Path readme = ROOT.resolve("README.md");
        assertThat(problem(readme, "../shared/docs/domain.md")).isEqualTo("outside the repository");
        assertThat(problem(readme, "docs/no-such-page.md")).isEqualTo("no such file");
        assertThat(problem(readme, "docs/domain.md#no-such-heading")).isEqualTo("no such heading");
        assertThat(problem(readme, "docs/domain.md#4-properties-and-their-overrides"))
                .isNull();
        assertThat(problem(readme, "https://example.com/x")).isNull();
    }

    @Test
    void theEmbeddingGuideAndTheReadmeShowTheCodeTheConsumerBuildRuns() throws IOException {
        String source = Files.readString(SNIPPET_SOURCE);
        Matcher region = Pattern.compile("// snippet:start\\n(.*?)\\n\\s*// snippet:end", Pattern.DOTALL)
                .matcher(source);
        assertThat(region.find()).as("snippet markers in %s", SNIPPET_SOURCE).isTrue();
        String code = dedent(region.group(1));
        for (String page : List.of("docs/embedding.md", "README.md")) {
            Matcher shown = Pattern.compile(
                            "<!-- snippet:plain-router -->\\n```java\\n(.*?)\\n```\\n<!-- snippet:end -->",
                            Pattern.DOTALL)
                    .matcher(Files.readString(ROOT.resolve(page)));
            assertThat(shown.find()).as("the snippet in %s", page).isTrue();
            assertThat(shown.group(1)).as(page).isEqualTo(code);
        }
    }

    @Test
    void theConsumerProjectsDependOnThisVersionOfTheLibrary() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        String version = versionAfter(pom, "<artifactId>callflow-rules</artifactId>");
        String boot = versionAfter(pom, "<artifactId>spring-boot-starter-parent</artifactId>");
        for (String consumer : List.of("plain-router", "spring-boot-router")) {
            String consumerPom = Files.readString(ROOT.resolve("src/it/" + consumer + "/pom.xml"));
            assertThat(versionAfter(consumerPom, "<artifactId>callflow-rules</artifactId>"))
                    .as(consumer)
                    .isEqualTo(version);
        }
        assertThat(versionAfter(
                        Files.readString(ROOT.resolve("src/it/spring-boot-router/pom.xml")),
                        "<artifactId>spring-boot-starter-parent</artifactId>"))
                .isEqualTo(boot);
    }

    private static String versionAfter(String pom, String artifact) {
        Matcher version = Pattern.compile(Pattern.quote(artifact) + "\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertThat(version.find()).as("a version after %s", artifact).isTrue();
        return version.group(1);
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    private static List<String> links(Path page) throws IOException {
        List<String> targets = new ArrayList<>();
        MARKDOWN.parse(Files.readString(page)).accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                targets.add(link.getDestination());
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                targets.add(image.getDestination());
            }
        });
        return targets;
    }

    /** Why {@code target}, linked from {@code page}, does not resolve; {@code null} when it does. */
    private static String problem(Path page, String target) {
        if (target.matches("^[a-z][a-z0-9+.-]*:.*")) {
            return target.startsWith("file:") ? "a local file address" : null;
        }
        String path = target;
        String anchor = null;
        int hash = target.indexOf('#');
        if (hash >= 0) {
            path = target.substring(0, hash);
            anchor = target.substring(hash + 1);
        }
        Path resolved = path.isEmpty()
                ? page
                : page.getParent()
                        .resolve(URLDecoder.decode(path, StandardCharsets.UTF_8))
                        .normalize();
        if (!resolved.startsWith(ROOT)) {
            return "outside the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (anchor != null && resolved.toString().endsWith(".md")) {
            try {
                if (!anchors(resolved).contains(anchor)) {
                    return "no such heading";
                }
            } catch (IOException e) {
                return "unreadable: " + e.getMessage();
            }
        }
        return null;
    }

    /** The anchors a Markdown page's headings get on GitHub: lower case, spaces as dashes, punctuation dropped. */
    private static Set<String> anchors(Path page) throws IOException {
        Set<String> anchors = new HashSet<>();
        MARKDOWN.parse(Files.readString(page)).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                StringBuilder text = new StringBuilder();
                heading.accept(new AbstractVisitor() {
                    @Override
                    public void visit(Text t) {
                        text.append(t.getLiteral());
                    }

                    @Override
                    public void visit(Code code) {
                        text.append(code.getLiteral());
                    }
                });
                String slug = text.toString()
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "")
                        .replace(' ', '-');
                String unique = slug;
                for (int n = 1; !anchors.add(unique); n++) {
                    unique = slug + "-" + n;
                }
            }
        });
        return anchors;
    }

    private static String dedent(String code) {
        List<String> lines = code.lines().toList();
        int indent = lines.stream()
                .filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length())
                .min()
                .orElse(0);
        return String.join(
                "\n",
                lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList());
    }
}
