package cn.yiyang.planning.importer.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A parsed WKT CRS text (WKT1 in its OGC and ESRI flavours, or WKT2): a tree of {@code KEYWORD[args]} nodes whose
 * arguments are quoted strings, numbers, bare words or nested nodes. Only what CRS recognition needs.
 *
 * @param keyword the keyword, upper case (PROJCS, GEOGCS, DATUM, PARAMETER, …)
 * @param args    the arguments: String (quoted or bare), Double, or Wkt
 */
record Wkt(String keyword, List<Object> args) {

    /** Thrown for text that is not WKT. */
    static final class SyntaxException extends RuntimeException {
        SyntaxException(String message) {
            super(message);
        }
    }

    static Wkt parse(String text) {
        Parser parser = new Parser(text.strip());
        Wkt node = parser.node();
        parser.skipSpace();
        if (parser.pos < parser.text.length()) {
            throw new SyntaxException("unexpected text after the CRS at " + parser.pos);
        }
        return node;
    }

    /** @return the first argument when it is a string: the node's name */
    String name() {
        return !args.isEmpty() && args.get(0) instanceof String s ? s : "";
    }

    /** @return the first direct child with one of the keywords */
    Optional<Wkt> child(String... keywords) {
        for (Object arg : args) {
            if (arg instanceof Wkt node && List.of(keywords).contains(node.keyword)) {
                return Optional.of(node);
            }
        }
        return Optional.empty();
    }

    /** @return the direct children with the keyword */
    List<Wkt> children(String keyword) {
        return args.stream()
                .filter(a -> a instanceof Wkt n && n.keyword.equals(keyword))
                .map(Wkt.class::cast)
                .toList();
    }

    /** @return the first node with one of the keywords, depth first, this one included */
    Optional<Wkt> find(String... keywords) {
        if (List.of(keywords).contains(keyword)) {
            return Optional.of(this);
        }
        for (Object arg : args) {
            if (arg instanceof Wkt node) {
                Optional<Wkt> found = node.find(keywords);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** @return the argument at {@code index} as a number, if it is one */
    Optional<Double> number(int index) {
        return index < args.size() && args.get(index) instanceof Double d ? Optional.of(d) : Optional.empty();
    }

    /** @return the authority code of this node ({@code AUTHORITY["EPSG","4525"]} or {@code ID["EPSG",4525]}) */
    Optional<Authority> authority() {
        return child("AUTHORITY", "ID").filter(a -> a.args.size() >= 2).map(a -> {
            Object code = a.args.get(1);
            String text = code instanceof Double d
                    ? String.valueOf(d.longValue())
                    : String.valueOf(code).strip();
            return new Authority(a.name().toUpperCase(Locale.ROOT), text);
        });
    }

    /** An authority and its code, e.g. EPSG 4525. */
    record Authority(String name, String code) {}

    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        Wkt node() {
            skipSpace();
            String keyword = word();
            if (keyword.isEmpty()) {
                throw new SyntaxException("expected a keyword at " + pos);
            }
            skipSpace();
            char open = peek();
            if (open != '[' && open != '(') {
                throw new SyntaxException("expected [ after " + keyword + " at " + pos);
            }
            char close = open == '[' ? ']' : ')';
            pos++;
            List<Object> args = new ArrayList<>();
            skipSpace();
            if (peek() == close) {
                pos++;
                return new Wkt(keyword.toUpperCase(Locale.ROOT), args);
            }
            while (true) {
                args.add(value());
                skipSpace();
                char c = peek();
                pos++;
                if (c == close) {
                    return new Wkt(keyword.toUpperCase(Locale.ROOT), args);
                }
                if (c != ',') {
                    throw new SyntaxException("expected , or " + close + " at " + (pos - 1));
                }
            }
        }

        private Object value() {
            skipSpace();
            char c = peek();
            if (c == '"') {
                StringBuilder s = new StringBuilder();
                pos++;
                while (true) {
                    if (pos >= text.length()) {
                        throw new SyntaxException("unterminated string");
                    }
                    char ch = text.charAt(pos++);
                    if (ch == '"') {
                        if (pos < text.length() && text.charAt(pos) == '"') {
                            s.append('"');
                            pos++;
                            continue;
                        }
                        return s.toString();
                    }
                    s.append(ch);
                }
            }
            if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
                int start = pos;
                while (pos < text.length() && "+-.eE0123456789".indexOf(text.charAt(pos)) >= 0) {
                    pos++;
                }
                try {
                    return Double.parseDouble(text.substring(start, pos));
                } catch (NumberFormatException e) {
                    throw new SyntaxException("bad number at " + start);
                }
            }
            int start = pos;
            String word = word();
            skipSpace();
            if (!word.isEmpty() && (peek() == '[' || peek() == '(')) {
                pos = start;
                return node();
            }
            if (word.isEmpty()) {
                throw new SyntaxException("unexpected character at " + pos);
            }
            return word;
        }

        private String word() {
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            return text.substring(start, pos);
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }
    }
}
