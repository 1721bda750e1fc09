using System.Globalization;

namespace Conversations.Domain.Contacts;

/// <summary>
/// The header of a contacts file and how it reads each row. <c>phone</c> is required; <c>firstName</c>,
/// <c>lastName</c> and <c>language</c> are known (header names match ignoring case); every other named
/// column is embedded data under its name as written. A column with an empty name is ignored (spreadsheets
/// add one for a trailing comma). Cells are trimmed; an empty cell means "no value".
/// </summary>
public sealed class ContactCsvHeader
{
    public const string Phone = "phone";
    public const string FirstName = "firstName";
    public const string LastName = "lastName";
    public const string Language = "language";

    public const int MaxNameLength = 100;
    public const int MaxDataValueLength = 1000;
    public const int MaxColumnNameLength = 100;

    private static readonly string[] Known = [Phone, FirstName, LastName, Language];

    /// <summary>Per column: its name as reported in errors (the known names canonical), or null for an ignored column.</summary>
    private readonly string?[] _names;
    private readonly int _phone;
    private readonly int _firstName;
    private readonly int _lastName;
    private readonly int _language;

    private ContactCsvHeader(string?[] names)
    {
        _names = names;
        _phone = Array.IndexOf(names, Phone);
        _firstName = Array.IndexOf(names, FirstName);
        _lastName = Array.IndexOf(names, LastName);
        _language = Array.IndexOf(names, Language);
    }

    /// <summary>The columns as named in errors, in file order (null for an ignored, unnamed column).</summary>
    public IReadOnlyList<string?> Columns => _names;

    /// <summary>
    /// Reads the header row; on failure <paramref name="problem"/> says why and <paramref name="column"/>
    /// names the column at fault (<c>phone</c> when it is missing).
    /// </summary>
    public static bool TryParse(CsvRow row, out ContactCsvHeader? header, out string? problem, out string? column)
    {
        ArgumentNullException.ThrowIfNull(row);
        header = null;
        column = null;
        if (!row.IsValid)
        {
            problem = $"The header row (line {row.Line}) cannot be read: {row.Error}";
            return false;
        }

        var names = new string?[row.Fields.Count];
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Length; i++)
        {
            var name = row.Fields[i].Trim();
            if (name.Length == 0)
            {
                continue;
            }

            column = name;
            if (name.Contains('\0', StringComparison.Ordinal))
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"Column {i + 1}'s name contains a NUL character (U+0000), which cannot be stored.");
                column = name.Replace('\0', '\uFFFD');
                return false;
            }

            if (name.Length > MaxColumnNameLength)
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"Column {i + 1}'s name is longer than {MaxColumnNameLength} characters.");
                column = name[..MaxColumnNameLength];
                return false;
            }

            if (!seen.Add(name))
            {
                problem = $"The column '{name}' appears twice in the header (names are compared ignoring case).";
                return false;
            }

            names[i] = Array.Find(Known, k => k.Equals(name, StringComparison.OrdinalIgnoreCase)) ?? name;
        }

        if (Array.IndexOf(names, Phone) < 0)
        {
            problem = "The header has no 'phone' column; the first line must name the columns, e.g. phone,firstName,lastName,language.";
            column = Phone;
            return false;
        }

        header = new ContactCsvHeader(names);
        problem = null;
        column = null;
        return true;
    }

    /// <summary>
    /// Reads one data row: the contact when every cell is valid, else null with each fault added to
    /// <paramref name="errors"/> (a row with the wrong number of fields, or one the reader could not
    /// read, gives one error for the row).
    /// </summary>
    public ContactImportRow? Read(CsvRow row, ICollection<ContactRowError> errors)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(errors);
        if (!row.IsValid)
        {
            var at = row.ErrorField is { } f && f <= _names.Length ? _names[f - 1] : null;
            errors.Add(new ContactRowError(row.Line, at, row.Error!));
            return null;
        }

        if (row.Fields.Count != _names.Length)
        {
            errors.Add(new ContactRowError(row.Line, null, string.Create(CultureInfo.InvariantCulture,
                $"the row has {row.Fields.Count} fields; the header has {_names.Length} columns.")));
            return null;
        }

        var before = errors.Count;
        string? phone = null;
        if (!ContactPhone.TryNormalise(row.Fields[_phone], out var number, out var reason))
        {
            errors.Add(new ContactRowError(row.Line, Phone, reason!));
        }
        else
        {
            phone = number.Digits;
        }

        var firstName = Name(row, _firstName, FirstName, errors);
        var lastName = Name(row, _lastName, LastName, errors);
        var language = Stored(row, _language, Language, errors);
        if (language is not null && !ContactLanguage.IsValid(language))
        {
            errors.Add(new ContactRowError(row.Line, Language, $"language must be a tag such as en, en_US or pt-BR; got '{Shorten(language)}'."));
        }

        Dictionary<string, string>? data = null;
        for (var i = 0; i < _names.Length; i++)
        {
            if (_names[i] is not { } name || i == _phone || i == _firstName || i == _lastName || i == _language || Stored(row, i, name, errors) is not { } value)
            {
                continue;
            }

            if (value.Length > MaxDataValueLength)
            {
                errors.Add(new ContactRowError(row.Line, name, string.Create(CultureInfo.InvariantCulture,
                    $"{name} is longer than {MaxDataValueLength} characters (it has {value.Length}).")));
                continue;
            }

            (data ??= new Dictionary<string, string>(StringComparer.Ordinal))[name] = value;
        }

        return errors.Count > before
            ? null
            : new ContactImportRow(phone!, firstName, lastName, language, data ?? (IReadOnlyDictionary<string, string>)System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty);
    }

    private static string? Name(CsvRow row, int index, string column, ICollection<ContactRowError> errors)
    {
        var value = Stored(row, index, column, errors);
        if (value is { Length: > MaxNameLength })
        {
            errors.Add(new ContactRowError(row.Line, column, string.Create(CultureInfo.InvariantCulture,
                $"{column} is longer than {MaxNameLength} characters (it has {value.Length}).")));
            return null;
        }

        return value;
    }

    /// <summary>
    /// The cell's value (<see cref="Cell"/>) when it can be stored; a NUL character is refused as the row's
    /// fault, because PostgreSQL keeps none in text or jsonb and would fail the whole batch instead.
    /// </summary>
    private static string? Stored(CsvRow row, int index, string column, ICollection<ContactRowError> errors)
    {
        var value = Cell(row, index);
        if (value is not null && value.Contains('\0', StringComparison.Ordinal))
        {
            errors.Add(new ContactRowError(row.Line, column, $"{column} contains a NUL character (U+0000), which cannot be stored."));
            return null;
        }

        return value;
    }

    private static string? Cell(CsvRow row, int index)
    {
        if (index < 0)
        {
            return null;
        }

        var value = row.Fields[index].Trim();
        return value.Length == 0 ? null : value;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…");
}
