using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Ruche.Web.Scim;

/// <summary>
/// A SCIM filter (RFC 7644 §3.4.2.2) parsed into a tree: comparisons, <c>pr</c>, <c>and</c>, <c>or</c>, <c>not</c>,
/// parentheses and value paths (<c>emails[type eq "work"]</c>). Attribute names are case-insensitive; a schema URN
/// prefix is dropped. What is parsed may still be refused by the resource it is applied to (invalidFilter).
/// </summary>
public abstract record ScimFilter
{
    public const int MaxLength = 1000;

    public static ScimFilter Parse(string text)
    {
        if (text.Length > MaxLength)
        {
            throw ScimException.InvalidFilter($"A filter has at most {MaxLength} characters.");
        }

        var parser = new Parser(Tokenize(text));
        var filter = parser.Or();
        return parser.AtEnd ? filter : throw ScimException.InvalidFilter($"Unexpected '{parser.Peek}' in the filter.");
    }

    /// <summary>Whether a JSON element (a member of a multi-valued attribute) matches, for PATCH value filters.</summary>
    public abstract bool Matches(JsonObject element);

    /// <summary>Drops a schema URN prefix: <c>urn:…:User:userName</c> → <c>userName</c>.</summary>
    public static string AttributeName(string path)
    {
        if (!path.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
        {
            return path;
        }

        var last = path.LastIndexOf(':');
        return path[(last + 1)..];
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')' or '[' or ']')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else if (c == '"')
            {
                var literal = new StringBuilder("\"");
                i++;
                while (i < text.Length && text[i] != '"')
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        i++;
                    }

                    literal.Append(text[i++]);
                }

                if (i >= text.Length)
                {
                    throw ScimException.InvalidFilter("A string in the filter is not closed.");
                }

                i++;
                tokens.Add(literal.ToString());
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or '[' or ']' or '"'))
                {
                    i++;
                }

                tokens.Add(text[start..i]);
            }
        }

        return tokens;
    }

    private sealed class Parser(List<string> tokens)
    {
        private static readonly string[] Operators = ["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"];
        private int position;

        public bool AtEnd => position >= tokens.Count;

        public string Peek => AtEnd ? "end" : tokens[position];

        public ScimFilter Or()
        {
            var left = And();
            while (IsWord("or"))
            {
                position++;
                left = new ScimOr(left, And());
            }

            return left;
        }

        private ScimFilter And()
        {
            var left = Unary();
            while (IsWord("and"))
            {
                position++;
                left = new ScimAnd(left, Unary());
            }

            return left;
        }

        private ScimFilter Unary()
        {
            if (IsWord("not"))
            {
                position++;
                Expect("(");
                var inner = Or();
                Expect(")");
                return new ScimNot(inner);
            }

            if (Peek == "(")
            {
                position++;
                var inner = Or();
                Expect(")");
                return inner;
            }

            var attribute = Next("an attribute");
            if (!IsAttributePath(attribute))
            {
                throw ScimException.InvalidFilter($"'{attribute}' is not an attribute.");
            }

            attribute = AttributeName(attribute);
            if (Peek == "[")
            {
                position++;
                var inner = Or();
                Expect("]");
                return new ScimValuePath(attribute, inner);
            }

            var op = Next("an operator").ToLowerInvariant();
            if (op == "pr")
            {
                return new ScimPresent(attribute);
            }

            return Operators.Contains(op)
                ? new ScimCompare(attribute, op, Value(Next("a value")))
                : throw ScimException.InvalidFilter($"'{op}' is not a filter operator.");
        }

        private static JsonValue? Value(string token) => token switch
        {
            ['"', .. var text] => JsonValue.Create(text),
            _ when token.Equals("true", StringComparison.OrdinalIgnoreCase) => JsonValue.Create(true),
            _ when token.Equals("false", StringComparison.OrdinalIgnoreCase) => JsonValue.Create(false),
            _ when token.Equals("null", StringComparison.OrdinalIgnoreCase) => null,
            _ when decimal.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            _ => throw ScimException.InvalidFilter($"'{token}' is not a value: strings are quoted."),
        };

        private static bool IsAttributePath(string token) =>
            token.Length > 0 && token[0] != '"' && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or ':' or '-' or '_' or '$');

        private bool IsWord(string word) => !AtEnd && tokens[position].Equals(word, StringComparison.OrdinalIgnoreCase);

        private string Next(string what) => AtEnd ? throw ScimException.InvalidFilter($"The filter ends where {what} was expected.") : tokens[position++];

        private void Expect(string token)
        {
            if (Next($"'{token}'") != token)
            {
                throw ScimException.InvalidFilter($"'{token}' was expected in the filter.");
            }
        }
    }
}

public sealed record ScimAnd(ScimFilter Left, ScimFilter Right) : ScimFilter
{
    public override bool Matches(JsonObject element) => Left.Matches(element) && Right.Matches(element);
}

public sealed record ScimOr(ScimFilter Left, ScimFilter Right) : ScimFilter
{
    public override bool Matches(JsonObject element) => Left.Matches(element) || Right.Matches(element);
}

public sealed record ScimNot(ScimFilter Inner) : ScimFilter
{
    public override bool Matches(JsonObject element) => !Inner.Matches(element);
}

public sealed record ScimPresent(string Attribute) : ScimFilter
{
    public override bool Matches(JsonObject element) => ScimJson.Get(element, Attribute) is { } value && value.ToString().Length > 0;
}

/// <summary><c>attribute op value</c>; in memory, strings compare without regard to case (the attributes Ruche filters on are not caseExact, but externalId).</summary>
public sealed record ScimCompare(string Attribute, string Op, JsonNode? Value) : ScimFilter
{
    public override bool Matches(JsonObject element)
    {
        var actual = ScimJson.Get(element, Attribute);
        var left = ScimJson.Scalar(actual);
        var right = ScimJson.Scalar(Value);
        return Op switch
        {
            "eq" => string.Equals(left, right, StringComparison.OrdinalIgnoreCase),
            "ne" => !string.Equals(left, right, StringComparison.OrdinalIgnoreCase),
            "co" => left is not null && right is not null && left.Contains(right, StringComparison.OrdinalIgnoreCase),
            "sw" => left is not null && right is not null && left.StartsWith(right, StringComparison.OrdinalIgnoreCase),
            "ew" => left is not null && right is not null && left.EndsWith(right, StringComparison.OrdinalIgnoreCase),
            _ => throw ScimException.InvalidFilter($"'{Op}' is not supported in a value filter."),
        };
    }
}

/// <summary><c>emails[type eq "work"]</c>: some element of a multi-valued attribute matches the inner filter.</summary>
public sealed record ScimValuePath(string Attribute, ScimFilter Inner) : ScimFilter
{
    public override bool Matches(JsonObject element) =>
        ScimJson.Get(element, Attribute) is JsonArray values && values.OfType<JsonObject>().Any(Inner.Matches);
}
