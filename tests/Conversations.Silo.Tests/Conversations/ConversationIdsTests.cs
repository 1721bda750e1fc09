using Conversations.Grains.Conversations;
using Conversations.Silo.Conversations;

namespace Conversations.Silo.Tests.Conversations;

/// <summary><see cref="ConversationIds"/>: <c>{business number}-{customer}</c> to the conversation key, and back.</summary>
public sealed class ConversationIdsTests
{
    [Theory]
    [InlineData("12025550100-447700900123", "12025550100", "447700900123")]
    [InlineData("12025550100-US.1234", "12025550100", "US.1234")]
    [InlineData("4812312312-abc_DEF-9.x", "4812312312", "abc_DEF-9.x")]
    public void IdSplitsAtTheFirstDashIntoTheBrandsConversationKey(string id, string businessNumber, string customer)
    {
        Assert.True(ConversationIds.TryParse("acme", id, out var key, out var problem));

        Assert.Null(problem);
        Assert.Equal(new ConversationKey("acme", businessNumber, customer), key);
        Assert.Equal($"acme:{businessNumber}:{customer}", key.ToString());
        Assert.Equal(id, ConversationIds.Format(key));
    }

    [Theory]
    [InlineData("12025550100")]
    [InlineData("12025550100-")]
    [InlineData("-447700900123")]
    [InlineData("+12025550100-447700900123")]
    [InlineData("1234567890123456-447700900123")]
    [InlineData("12025550100-4477 0090")]
    [InlineData("12025550100-US:1234")]
    [InlineData("12025550100-ü")]
    public void MalformedIdIsA400NamingId(string id)
    {
        Assert.False(ConversationIds.TryParse("acme", id, out _, out var problem));

        Assert.Equal(400, problem!.StatusCode);
        Assert.Equal("id", problem.ProblemDetails.Extensions["field"]);
        Assert.Equal("invalid_format", problem.ProblemDetails.Extensions["code"]);
        Assert.Contains("{businessNumber}-{customer}", problem.ProblemDetails.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void CustomerOf128CharactersIsAcceptedAnd129Refused()
    {
        Assert.True(ConversationIds.TryParse("acme", "12025550100-" + new string('a', 128), out _, out _));
        Assert.False(ConversationIds.TryParse("acme", "12025550100-" + new string('a', 129), out _, out _));
        Assert.True(ConversationIds.IsCustomer("US.1234"));
        Assert.False(ConversationIds.IsCustomer("US:1234"));
    }
}
