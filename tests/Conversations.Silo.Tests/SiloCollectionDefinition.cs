namespace Conversations.Silo.Tests;

[CollectionDefinition(Name)]
public sealed class SiloCollectionDefinition : ICollectionFixture<SiloFixture>
{
    public const string Name = "silo";
}
