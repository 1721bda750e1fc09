using Conversations.Runtime.Grains;
using Conversations.Runtime.Hosting;

namespace Conversations.Runtime.Tests.Hosting;

/// <summary>Grain identities refuse keys that no database could store faithfully, with a message that says why.</summary>
public sealed class GrainIdTests
{
    [Fact]
    public void UnstorableKeysAreRefusedWithAClearMessage()
    {
        // Built in code: attribute arguments are stored as UTF-8, which would turn a lone surrogate into U+FFFD.
        (string Key, string Reason)[] cases =
        [
            ("", "empty"),
            ("\ud800", "surrogate"),
            ("abc\udc00", "surrogate"),
            ("\ud83d", "surrogate"),
            ("bad\ud83dkey", "surrogate"),
            ("\udc00\ud800", "surrogate"),
            ("\0", "U+0000"),
            ("before\0after", "U+0000"),
        ];

        Assert.All(cases, c =>
        {
            var refused = Assert.Throws<ArgumentException>(() => new GrainId("counter", c.Key));
            Assert.Equal("key", refused.ParamName);
            Assert.Contains(c.Reason, refused.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void KeyLongerThan256CharactersIsRefusedWithItsLength()
    {
        var refused = Assert.Throws<ArgumentException>(() => new GrainId("counter", new string('k', 257)));

        Assert.Contains("256", refused.Message, StringComparison.Ordinal);
        Assert.Contains("257", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyOf256CharactersIsAccepted()
    {
        var key = new string('k', 256);

        Assert.Equal(key, new GrainId("counter", key).Key);
    }

    [Theory]
    [InlineData("😀")]
    [InlineData("日本語")]
    [InlineData("020235")]
    public void PairedSurrogatesAndDigitsAreOrdinaryKeys(string key) =>
        Assert.Equal($"counter/{key}", new GrainId("counter", key).ToString());

    [Fact]
    public void AllDigitKeysAreDistinctIdentities() =>
        Assert.NotEqual(new GrainId("counter", "020235"), new GrainId("counter", "20235"));

    [Fact]
    public void EmptyKindIsRefused() =>
        Assert.Equal("kind", Assert.Throws<ArgumentException>(() => new GrainId("", "key")).ParamName);

    [Fact]
    public void DefaultOptionsWorkOnAnyMachineName()
    {
        // The default node id is built from the machine name; a short host name (e.g. "vm") must not break it.
        var options = new GrainRuntimeOptions();

        Assert.InRange(options.NodeId.Length, 1, 48);
        Assert.NotEqual(options.NodeId, new GrainRuntimeOptions().NodeId);
    }
}
