namespace Conversations.Silo.Tests.Admin;

// The admin API suites on the embedded SQLite database; their twins on PostgreSQL are in PostgresAdminTests.cs.

[Collection(SqliteAdminCollectionDefinition.Name)]
public sealed class SqliteAccessTests(SqliteAdminSilo silo) : AccessTests(silo);

[Collection(SqliteAdminCollectionDefinition.Name)]
public sealed class SqliteBrandTests(SqliteAdminSilo silo) : BrandTests(silo);

[Collection(SqliteAdminCollectionDefinition.Name)]
public sealed class SqliteAccountTests(SqliteAdminSilo silo) : AccountTests(silo);

[Collection(SqliteAdminCollectionDefinition.Name)]
public sealed class SqliteTemplateTests(SqliteAdminSilo silo) : TemplateTests(silo);

[Collection(SqliteAdminCollectionDefinition.Name)]
public sealed class SqliteCreditTests(SqliteAdminSilo silo) : CreditTests(silo);

[Collection(SqliteAdminCollectionDefinition.Name)]
public sealed class SqliteKeyTests(SqliteAdminSilo silo) : KeyTests(silo);

[Collection(SqliteAdminCollectionDefinition.Name)]
public sealed class SqliteSecretTests(SqliteAdminSilo silo) : SecretTests(silo);
