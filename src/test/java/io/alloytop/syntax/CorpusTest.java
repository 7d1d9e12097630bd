package io.alloytop.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Valid configs parse clean; each invalid one fails with exactly the first diagnostic listed in EXPECTED. */
class CorpusTest {
    static final Path ROOT = Path.of("src/test/resources/syntax");

    static List<ConfigSources.Source> source(Path p) throws IOException {
        return List.of(new ConfigSources.Source(p.getFileName().toString(), Files.readAllBytes(p)));
    }

    @TestFactory
    Stream<DynamicTest> validFilesHaveNoDiagnostics() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(ROOT.resolve("valid"))) {
            files = s.sorted().toList();
        }
        assertTrue(files.size() >= 10, "corpus too small");
        return files.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            List<Diagnostic> d = ConfigSources.validate(source(p));
            assertEquals(List.of(), d.stream().map(Diagnostic::toString).toList());
        }));
    }

    @TestFactory
    Stream<DynamicTest> invalidFilesFailWhereExpected() throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(ROOT.resolve("invalid/EXPECTED"))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            rows.add(line.split("\t", 3));
        }
        try (Stream<Path> s = Files.list(ROOT.resolve("invalid"))) {
            long alloyFiles = s.filter(p -> p.toString().endsWith(".alloy")).count();
            assertEquals(alloyFiles, rows.size(), "every invalid file needs an EXPECTED row");
        }
        return rows.stream().map(r -> DynamicTest.dynamicTest(r[0], () -> {
            List<Diagnostic> d = ConfigSources.validate(source(ROOT.resolve("invalid").resolve(r[0])));
            assertFalse(d.isEmpty(), "no diagnostics");
            Diagnostic first = d.get(0);
            assertEquals(r[0] + ":" + r[1] + ": " + r[2], first.toString());
        }));
    }

    @Test
    void aNulIsReportedOncePerByte() {
        // found by ParserPropertiesTest: 8 NULs gave 17 diagnostics, each NUL told twice
        List<String> msgs = Parser.parse("c.alloy", "\0\0\0").diagnostics().stream().map(Object::toString).toList();
        assertEquals(3, msgs.stream().filter(m -> m.contains("NUL") || m.contains("U+0000")).count(), msgs.toString());
    }

    @Test
    void directoryFilesAreCheckedTogether() {
        List<ConfigSources.Source> dir = List.of(
                new ConfigSources.Source("a.alloy", "logging {\n}\nlocal.file \"k\" {\n  filename = \"/a\"\n}\n".getBytes()),
                new ConfigSources.Source("b.alloy", "local.file \"k\" {\n  filename = \"/b\"\n}\nlogging {\n}\n".getBytes()));
        List<String> d = ConfigSources.validate(dir).stream().map(Diagnostic::toString).toList();
        assertEquals(List.of(
                "b.alloy:1:1: block local.file.k already declared at a.alloy:3:1",
                "b.alloy:4:1: block logging already declared at a.alloy:1:1"), d);
    }

    @Test
    void summaryCountsTheRestLikeAlloy() {
        AlloyFile f = Parser.parse("c.alloy", "a \"b\" {\n  x = 1 y = 2\n  z = 'q'\n}\n");
        assertEquals("c.alloy:2:9: expected TERMINATOR, got IDENT (and 2 more diagnostics)",
                Diagnostic.summary(f.diagnostics()));
    }

    @Test
    void astKeepsBlockIdsAndSpans() {
        String src = "prometheus.scrape \"self\" {\n  targets = []\n}\n";
        AlloyFile f = Parser.parse("s.alloy", src);
        Stmt.Block b = (Stmt.Block) f.body().get(0);
        assertEquals("prometheus.scrape.self", b.id());
        assertEquals(0, b.start().offset());
        assertEquals(src.indexOf('}') + 1, b.end());
        Stmt.Attribute a = (Stmt.Attribute) b.body().get(0);
        assertEquals("targets", a.name());
        assertTrue(a.value() instanceof Expr.Array arr && arr.elements().isEmpty());
    }

    @Test
    void precedenceAndRightAssociativePow() {
        AlloyFile f = Parser.parse("p.alloy", "x \"y\" {\n  v = 1 + 2 * 3 ^ 4 ^ 5 || !a.b[0](c)\n}\n");
        assertTrue(f.ok(), f.diagnostics().toString());
        Expr v = ((Stmt.Attribute) ((Stmt.Block) f.body().get(0)).body().get(0)).value();
        Expr.Binary or = (Expr.Binary) v;
        assertEquals(TokenKind.OR, or.op());
        Expr.Binary add = (Expr.Binary) or.left();
        assertEquals(TokenKind.ADD, add.op());
        Expr.Binary mul = (Expr.Binary) add.right();
        Expr.Binary pow = (Expr.Binary) mul.right();
        assertEquals(TokenKind.POW, pow.op());
        assertTrue(pow.right() instanceof Expr.Binary inner && inner.op() == TokenKind.POW, "^ is right-associative");
        Expr.Unary not = (Expr.Unary) or.right();
        assertTrue(not.value() instanceof Expr.Call call && call.function() instanceof Expr.Index);
    }

    @Test
    void lexerInsertsTerminatorsOnlyAfterValueTokens() {
        List<TokenKind> kinds = new Lexer("t", "a = [\n1,\n]\nb = (\n2\n)\n".getBytes(), new ArrayList<>())
                .all().stream().map(Token::kind).toList();
        assertEquals(List.of(TokenKind.IDENT, TokenKind.ASSIGN, TokenKind.LBRACK, TokenKind.NUMBER, TokenKind.COMMA,
                TokenKind.RBRACK, TokenKind.TERMINATOR, TokenKind.IDENT, TokenKind.ASSIGN, TokenKind.LPAREN,
                TokenKind.NUMBER, TokenKind.TERMINATOR, TokenKind.RPAREN, TokenKind.TERMINATOR, TokenKind.EOF), kinds);
    }

    @Test
    void numbersAndFloats() {
        List<Token> t = new Lexer("n", "1 1.5 .5 1e3 1E+3 2. 3.e-1".getBytes(), new ArrayList<>()).all();
        assertEquals(List.of(TokenKind.NUMBER, TokenKind.FLOAT, TokenKind.FLOAT, TokenKind.FLOAT, TokenKind.FLOAT,
                TokenKind.FLOAT, TokenKind.FLOAT), t.subList(0, 7).stream().map(Token::kind).toList());
    }

    @Test
    void identifierValidity() {
        assertTrue(Identifiers.isValid("alloytop_selfmon"));
        assertTrue(Identifiers.isValid("été٣"));
        assertFalse(Identifiers.isValid("3abc"));
        assertFalse(Identifiers.isValid("a-b"));
        assertFalse(Identifiers.isValid("null"));
        assertFalse(Identifiers.isValid(""));
    }
}
