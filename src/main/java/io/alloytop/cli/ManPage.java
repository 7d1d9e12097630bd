package io.alloytop.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A roff man page written from the picocli command definitions, so the page cannot drift from the
 * options the program really accepts. Plain roff (the man(7) macros) rather than picocli-codegen's
 * AsciiDoc: no asciidoctor toolchain is needed at package time and `man -l` renders it as is.
 */
public final class ManPage {
    private ManPage() {}

    /** The page for a top-level command and all its visible sub-commands. */
    public static String render(CommandLine top, String version) {
        CommandSpec spec = top.getCommandSpec();
        String name = spec.name();
        StringBuilder out = new StringBuilder();
        out.append(".TH ").append(quote(name.toUpperCase(java.util.Locale.ROOT))).append(" 1 \"\" ")
                .append(quote(name + " " + version)).append(" \"User Commands\"\n");

        out.append(".SH NAME\n").append(escape(name)).append(" \\- ")
                .append(escape(firstLine(spec.usageMessage().description()))).append('\n');

        out.append(".SH SYNOPSIS\n");
        synopsis(out, name, spec);
        for (CommandLine sub : allSubcommands(spec)) {
            out.append(".br\n");
            synopsis(out, sub.getCommandSpec().qualifiedName(" "), sub.getCommandSpec());
        }

        out.append(".SH DESCRIPTION\n");
        paragraphs(out, spec.usageMessage().description());

        out.append(".SH OPTIONS\n");
        out.append("These options are accepted before or after any command.\n");
        options(out, spec);

        List<CommandLine> subs = allSubcommands(spec);
        if (!subs.isEmpty()) {
            out.append(".SH COMMANDS\n");
            for (CommandLine sub : subs) {
                CommandSpec s = sub.getCommandSpec();
                out.append(".SS ").append(quote(s.qualifiedName(" "))).append('\n');
                paragraphs(out, s.usageMessage().description());
                positionals(out, s);
                options(out, s);
                if (s.usageMessage().footer().length > 0) paragraphs(out, s.usageMessage().footer());
            }
        }

        out.append(".SH EXIT STATUS\n");
        exit(out, ExitCodes.OK, "Success; for check: Alloy is healthy.");
        exit(out, ExitCodes.DEGRADED, "Alloy answered but something is wrong: unhealthy components, a failed config load, problems found.");
        exit(out, ExitCodes.UNREACHABLE, "Alloy is unreachable, is not Alloy, refused the credentials, or is not ready.");
        exit(out, ExitCodes.FAILED, "An operation failed for a reason already printed.");
        exit(out, ExitCodes.USAGE, "The command line was not understood.");

        out.append(".SH ENVIRONMENT\n");
        env(out, "ALLOYTOP_URL", "Alloy's address when --url is not given.");
        env(out, "ALLOYTOP_USERNAME", "Basic auth user when --username is not given.");
        env(out, "ALLOYTOP_PASSWORD", "Basic auth password when --password-file is not given.");
        env(out, "ALLOYTOP_BEARER_TOKEN", "Bearer token when --bearer-token-file is not given.");
        env(out, "ALLOYTOP_TRUSTSTORE_PASSWORD", "Password of the --truststore file.");
        env(out, "ALLOYTOP_SYSTEM_CA_BUNDLE", "PEM CA bundle the launcher hands to alloytop as the trusted roots. "
                + "By default the first of /etc/ssl/certs/ca-certificates.crt, /etc/pki/tls/certs/ca-bundle.crt, "
                + "/etc/ssl/ca-bundle.pem and /etc/ssl/cert.pem that exists; set it empty to use the roots "
                + "shipped in the bundle's Java runtime instead.");
        env(out, "ALLOYTOP_JAVA_OPTS", "Extra options for the bundled Java runtime, e.g. -Xmx256m.");
        env(out, "ALLOYTOP_DEBUG", "When set, internal errors also print a stack trace.");

        out.append(".SH TLS\n");
        paragraphs(out, new String[] {
            "The installed launcher trusts the host's CA bundle (see ALLOYTOP_SYSTEM_CA_BUNDLE), so corporate "
                    + "CAs added to the system store work without extra flags. --ca-file adds a PEM bundle; "
                    + "--truststore replaces all of the above with a Java truststore."});
        return out.toString();
    }

    private static void synopsis(StringBuilder out, String command, CommandSpec spec) {
        out.append(".B ").append(escape(command)).append('\n');
        if (!visibleOptions(spec).isEmpty()) out.append("[\\fIOPTIONS\\fR]\n");
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (p.hidden()) continue;
            boolean optional = p.arity().min == 0;
            out.append(optional ? "[" : "").append("\\fI").append(escape(label(p.paramLabel()))).append("\\fR")
                    .append(p.arity().max > 1 ? "..." : "").append(optional ? "]" : "").append('\n');
        }
    }

    private static void options(StringBuilder out, CommandSpec spec) {
        for (OptionSpec o : visibleOptions(spec)) {
            out.append(".TP\n");
            List<String> names = new ArrayList<>();
            for (String n : o.names()) names.add("\\fB" + escape(n) + "\\fR");
            out.append(String.join(", ", names));
            if (o.arity().max > 0 && !o.paramLabel().isEmpty()) {
                out.append(" \\fI").append(escape(label(o.paramLabel()))).append("\\fR");
            }
            out.append('\n');
            out.append(escape(String.join(" ", plain(o.renderedDescription())))).append('\n');
        }
    }

    private static void positionals(StringBuilder out, CommandSpec spec) {
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (p.hidden()) continue;
            out.append(".TP\n\\fI").append(escape(label(p.paramLabel()))).append("\\fR\n");
            out.append(escape(String.join(" ", plain(p.renderedDescription())))).append('\n');
        }
    }

    /** Inherited options are described once, at the top; a sub-command lists only its own. */
    private static List<OptionSpec> visibleOptions(CommandSpec spec) {
        List<OptionSpec> shown = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (!o.hidden() && !o.inherited()) shown.add(o);
        }
        return shown;
    }

    /** Visible sub-commands depth first, so `profile show` follows `profile`. */
    private static List<CommandLine> allSubcommands(CommandSpec spec) {
        List<CommandLine> all = new ArrayList<>();
        for (CommandLine sub : visibleSubcommands(spec)) {
            all.add(sub);
            all.addAll(allSubcommands(sub.getCommandSpec()));
        }
        return all;
    }

    private static List<CommandLine> visibleSubcommands(CommandSpec spec) {
        List<CommandLine> shown = new ArrayList<>();
        for (Map.Entry<String, CommandLine> e : spec.subcommands().entrySet()) {
            CommandLine sub = e.getValue();
            // aliases appear as extra map entries pointing at the same command
            if (!e.getKey().equals(sub.getCommandName())) continue;
            if (sub.getCommandSpec().usageMessage().hidden()) continue;
            shown.add(sub);
        }
        return shown;
    }

    /** Help text wraps at picocli's width, so consecutive lines are one paragraph; a blank line ends it. */
    private static void paragraphs(StringBuilder out, String[] lines) {
        StringBuilder para = new StringBuilder();
        for (String line : plain(lines)) {
            if (line.isBlank()) {
                flush(out, para);
            } else {
                if (para.length() > 0) para.append(' ');
                para.append(line.strip());
            }
        }
        flush(out, para);
    }

    private static void flush(StringBuilder out, StringBuilder para) {
        if (para.length() == 0) return;
        out.append(".PP\n").append(escape(para.toString())).append('\n');
        para.setLength(0);
    }

    private static void exit(StringBuilder out, int code, String text) {
        out.append(".TP\n.B ").append(code).append('\n').append(escape(text)).append('\n');
    }

    private static void env(StringBuilder out, String name, String text) {
        out.append(".TP\n.B ").append(name).append('\n').append(escape(text)).append('\n');
    }

    private static String[] plain(String[] lines) {
        String[] result = new String[lines.length];
        for (int i = 0; i < lines.length; i++) {
            // drops picocli's @|bold ...|@ markup and renders %n the way help does
            result[i] = CommandLine.Help.Ansi.OFF.string(lines[i]).replace("%n", " ");
        }
        return result;
    }

    private static String firstLine(String[] lines) {
        String[] p = plain(lines);
        return p.length == 0 ? "" : p[0];
    }

    private static String label(String paramLabel) {
        return paramLabel.startsWith("<") && paramLabel.endsWith(">")
                ? paramLabel.substring(1, paramLabel.length() - 1) : paramLabel;
    }

    private static String quote(String s) {
        return "\"" + escape(s).replace("\"", "\\(dq") + "\"";
    }

    /**
     * Makes text safe as roff input: backslashes would start escapes, a leading dot or quote
     * would start a request, and a bare '-' may render as a hyphen that cannot be copied into a shell.
     */
    public static String escape(String text) {
        String s = text.replace("\\", "\\e").replace("-", "\\-");
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (String line : s.split("\n", -1)) {
            if (out.length() > 0) out.append('\n');
            if (line.startsWith(".") || line.startsWith("'")) out.append("\\&");
            out.append(line);
        }
        return out.toString();
    }
}
