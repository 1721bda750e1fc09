using System.Text;
using Conversations.Client.Contracts;
using Conversations.Domain.Contacts;
using Conversations.Silo.Access;
using Conversations.Silo.Api;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Conversations.Silo.Contacts;

/// <summary>
/// <c>/api/brands/{brandId}/contacts</c>: the CSV import (streamed: any size in bounded memory), one contact by
/// phone (read, delete), and the contacts by phone, optionally of one list, in cursor pages. Admins and keys
/// with the <c>distribute</c> role.
/// </summary>
public static class ContactEndpoints
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    public static IEndpointRouteBuilder MapContacts(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/brands/{brandId}/contacts").WithTags("Contacts");
        group.MapPost("/import", ImportAsync).WithName("ImportContacts").RequireRoles(Roles.Admin, Roles.Distribute)
            .Accepts<string>("text/csv");
        group.MapGet("/", ListAsync).WithName("ListContacts").RequireRoles(Roles.Admin, Roles.Distribute);
        group.MapGet("/{phone}", GetAsync).WithName("GetContact").RequireRoles(Roles.Admin, Roles.Distribute);
        group.MapDelete("/{phone}", DeleteAsync).WithName("DeleteContact").RequireRoles(Roles.Admin, Roles.Distribute);
        routes.MapContactLists();
        return routes;
    }

    internal static async Task<Results<Ok<ContactImportResult>, ProblemHttpResult>> ImportAsync(
        string brandId, string? list, HttpContext context, IContactStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)
            || (type.Charset.HasValue && !type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return ApiProblems.Of(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type",
                "Send the contacts as Content-Type: text/csv in UTF-8, the first line naming the columns (phone required).");
        }

        if (list is not null && !await store.ListExistsAsync(brandId, list, cancellationToken))
        {
            return ListNotFound(list);
        }

        // The file streams through in bounded memory; its size is not what could exhaust anything.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        using var text = new StreamReader(request.Body, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        var reader = new CsvReader(text);
        if (await reader.ReadAsync(cancellationToken) is not { } first)
        {
            return ApiProblems.BadRequest("missing_column", "The file is empty: its first line must name the columns, with phone among them.", ContactCsvHeader.Phone);
        }

        if (!ContactCsvHeader.TryParse(first, out var header, out var problem, out var column))
        {
            return ApiProblems.BadRequest(column == ContactCsvHeader.Phone ? "missing_column" : "invalid_format", problem!, column);
        }

        return TypedResults.Ok(await ContactImporter.RunAsync(store, brandId, list, reader, header!, time, cancellationToken));
    }

    internal static async Task<Results<Ok<ContactPage>, ProblemHttpResult>> ListAsync(
        string brandId, string? list, string? cursor, int? limit, IContactStore store, CancellationToken cancellationToken)
    {
        var size = limit ?? DefaultPageSize;
        if (size is < 1 or > MaxPageSize)
        {
            return ApiProblems.BadRequest("out_of_range", $"limit must be between 1 and {MaxPageSize} inclusive; got {size}.", "limit");
        }

        if (cursor is not null && (cursor.Length is 0 or > 64 || !cursor.All(char.IsAsciiDigit)))
        {
            return ApiProblems.BadRequest("invalid_format", "cursor is not one this API gave out.", "cursor");
        }

        if (list is not null && !await store.ListExistsAsync(brandId, list, cancellationToken))
        {
            return ListNotFound(list);
        }

        var page = await store.ListAsync(brandId, list, cursor, size + 1, cancellationToken);
        var items = page.Take(size).Select(ToView).ToList();
        return TypedResults.Ok(new ContactPage(items, page.Count > size ? items[^1].Phone : null));
    }

    internal static async Task<Results<Ok<ContactView>, ProblemHttpResult>> GetAsync(string brandId, string phone, IContactStore store, CancellationToken cancellationToken)
    {
        if (!ContactPhone.TryNormalise(phone, out var number, out var reason))
        {
            return ApiProblems.BadRequest("invalid_format", reason!, "phone");
        }

        return await store.GetAsync(brandId, number.Digits, cancellationToken) is { } contact
            ? TypedResults.Ok(ToView(contact))
            : ApiProblems.NotFound($"Contact '{number.Digits}'");
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string brandId, string phone, IContactStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!ContactPhone.TryNormalise(phone, out var number, out var reason))
        {
            return ApiProblems.BadRequest("invalid_format", reason!, "phone");
        }

        return await store.DeleteAsync(brandId, number.Digits, time.GetUtcNow(), cancellationToken)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound($"Contact '{number.Digits}'");
    }

    internal static ProblemHttpResult ListNotFound(string list) => ApiProblems.NotFound($"Contact list '{list}'");

    private static ContactView ToView(ContactRecord c) =>
        new(c.Phone, c.FirstName, c.LastName, c.Language, c.Data, c.OptedOut, c.OptedOutAt, c.OptOutSource, c.CreatedAt, c.UpdatedAt);
}
