namespace Conversations.Silo.Tests.Admin;

// The admin API suites on the private PostgreSQL server; their twins on SQLite are in SqliteAdminTests.cs.

[Collection(PostgresAdminCollectionDefinition.Name)]
public sealed class PostgresAccessTests(PostgresAdminSilo silo) : AccessTests(silo);

[Collection(PostgresAdminCollectionDefinition.Name)]
public sealed class PostgresBrandTests(PostgresAdminSilo silo) : BrandTests(silo);

[Collection(PostgresAdminCollectionDefinition.Name)]
public sealed class PostgresAccountTests(PostgresAdminSilo silo) : AccountTests(silo);

[Collection(PostgresAdminCollectionDefinition.Name)]
public sealed class PostgresTemplateTests(PostgresAdminSilo silo) : TemplateTests(silo);

[Collection(PostgresAdminCollectionDefinition.Name)]
public sealed class PostgresCreditTests(PostgresAdminSilo silo) : CreditTests(silo);

[Collection(PostgresAdminCollectionDefinition.Name)]
public sealed class PostgresKeyTests(PostgresAdminSilo silo) : KeyTests(silo);

[Collection(PostgresAdminCollectionDefinition.Name)]
public sealed class PostgresSecretTests(PostgresAdminSilo silo) : SecretTests(silo);
