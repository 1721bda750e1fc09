using Microsoft.Data.Sqlite;

namespace Conversations.Runtime.Storage.Sqlite;

/// <summary>
/// The statements of one transaction, each compiled once: a batch runs the same few statements for every
/// turn (a state write, a row upsert, an outbox insert, a timer), and SQLite would otherwise compile each
/// text again for every turn. A statement is run with new values bound to the same compiled form.
/// </summary>
internal sealed class SqliteStatements(SqliteConnection connection, SqliteTransaction transaction) : IAsyncDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The statement of <paramref name="sql"/> with these values bound (every call for one text names the same parameters).</summary>
    public SqliteCommand With(string sql, params (string Name, object? Value)[] parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = SqliteGrainStorage.Command(connection, transaction, sql, parameters);
            _commands[sql] = command;
            return command;
        }

        foreach (var (name, value) in parameters)
        {
            command.Parameters[name].Value = value ?? DBNull.Value;
        }

        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }

        _commands.Clear();
    }
}
