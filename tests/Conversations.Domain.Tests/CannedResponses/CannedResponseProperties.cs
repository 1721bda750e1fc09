using System.Text;
using Conversations.Domain.CannedResponses;
using FsCheck;
using FsCheck.Fluent;

namespace Conversations.Domain.Tests.CannedResponses;

/// <summary>
/// Random texts of literal runs and placeholders (known fields and others, with and without
/// fallbacks) against random values (missing, empty, look-alike placeholders): the filled text is
/// computed from the pieces, never from <see cref="CannedResponse.Fill"/> itself.
/// </summary>
public sealed class CannedResponseProperties
{
    private static readonly string[] Names = [.. CannedResponse.Fields, "order.id"];

    private static readonly string?[] SampleValues = [null, string.Empty, " ", "Ana", "Zoë O'Neil", "{{brand.name}}", "a|b", "}}", "日本"];

    [Fact]
    public void FillingATextEqualsFillingEachOfItsPieces()
    {
        var property = Prop.ForAll(Arb.From(Gen.Zip(Pieces(), Values())), ((Piece[] Pieces, Dictionary<string, string?> Values) c) =>
        {
            var text = string.Concat(c.Pieces.Select(p => p.Source));
            var expected = string.Concat(c.Pieces.Select(p => p.Expected(c.Values)));

            Assert.Equal(expected, CannedResponse.Fill(text, c.Values));
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), property);
    }

    [Fact]
    public void ATextWithNoDoubleBracesClosedLaterIsLeftAsItIs()
    {
        // Single braces, '|' and a lone "{{" or "}}" are all literal text.
        var texts = Literal(withBraces: true).Where(t => t.IndexOf("{{", StringComparison.Ordinal) is var open && (open < 0 || !t[(open + 2)..].Contains("}}", StringComparison.Ordinal)));
        var property = Prop.ForAll(Arb.From(texts), (string text) =>
            Assert.Equal(text, CannedResponse.Fill(text, new Dictionary<string, string?> { [CannedResponse.CustomerName] = "Ana" })));

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), property);
    }

    [Fact]
    public void ATextOfKnownFieldsOnlyIsValidAndListsItsFields()
    {
        var known = Pieces().Select(ps => ps.Where(p => p.Field is null || CannedResponse.Fields.Contains(p.Field)).ToArray());
        var property = Prop.ForAll(Arb.From(known), (Piece[] pieces) =>
        {
            var text = "Hi " + string.Concat(pieces.Select(p => p.Source));

            Assert.Empty(CannedResponse.Validate("greeting", text));
            Assert.Equal(pieces.Where(p => p.Field is not null).Select(p => p.Field!).Distinct(), CannedResponse.FieldsIn(text));
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    /// <summary>A literal run (no braces, so it never joins a placeholder) or a placeholder with optional spaces and fallback.</summary>
    private sealed record Piece(string Source, string? Field, string? Fallback)
    {
        public string Expected(Dictionary<string, string?> values) =>
            Field is null ? Source
            : values.TryGetValue(Field, out var value) && !string.IsNullOrEmpty(value) ? value
            : Fallback ?? string.Empty;
    }

    private static Gen<Piece[]> Pieces()
    {
        var literal = Literal(withBraces: false).Select(text => new Piece(text, null, null));
        var fallback = Gen.OneOf(Gen.Constant<string?>(null), Gen.Elements<string?>("there", "friend", "a|b", "our team", "ünïcode"));
        var placeholder = Gen.Zip(Gen.Zip(Gen.Elements(Names), fallback), Gen.Elements(string.Empty, " ", "  "))
            .Select(p =>
            {
                var ((field, fallbackText), spaces) = p;
                var source = "{{" + spaces + field + spaces + (fallbackText is null ? string.Empty : "|" + fallbackText) + "}}";
                return new Piece(source, field, fallbackText);
            });
        return Gen.ArrayOf(Gen.Frequency((1, literal), (1, placeholder)));
    }

    private static Gen<string> Literal(bool withBraces)
    {
        var chars = withBraces ? "ab c.|,!é{}9" : "ab c.|,!é9日";
        return Gen.ArrayOf(Gen.Elements(chars.ToCharArray())).Select(a => new StringBuilder().Append(a).ToString());
    }

    private static Gen<Dictionary<string, string?>> Values() =>
        Gen.ArrayOf(Gen.Elements(SampleValues), Names.Length)
            .Select(values => Names.Zip(values).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
}
