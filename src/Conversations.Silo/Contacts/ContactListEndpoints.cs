using System.Text.RegularExpressions;
using Conversations.Client.Contracts;
using Conversations.Silo.Access;
using Conversations.Silo.Api;
using Conversations.Silo.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Silo.Contacts;

/// <summary>
/// <c>/api/brands/{brandId}/contact-lists</c>: named groups of contacts that imports fill (<c>?list=</c>) and
/// distributions target. Deleting a list removes its memberships, never the contacts.
/// </summary>
public static partial class ContactListEndpoints
{
    public const int MaxNameLength = 200;

    public static IEndpointRouteBuilder MapContactLists(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/brands/{brandId}/contact-lists").WithTags("Contacts");
        group.MapPost("/", CreateAsync).WithName("CreateContactList").RequireRoles(Roles.Admin, Roles.Distribute).WithIdempotency();
        group.MapGet("/", ListAsync).WithName("ListContactLists").RequireRoles(Roles.Admin, Roles.Distribute);
        group.MapGet("/{listId}", GetAsync).WithName("GetContactList").RequireRoles(Roles.Admin, Roles.Distribute);
        group.MapDelete("/{listId}", DeleteAsync).WithName("DeleteContactList").RequireRoles(Roles.Admin, Roles.Distribute);
        return routes;
    }

    internal static async Task<Results<Created<ContactListView>, ProblemHttpResult>> CreateAsync(
        string brandId, ContactListRequest body, IContactStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        if (body.Id is null || !ListId().IsMatch(body.Id))
        {
            return ApiProblems.BadRequest("invalid_format", "id is required: 1 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit.", "id");
        }

        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > MaxNameLength)
        {
            return ApiProblems.BadRequest("invalid_format", $"name is required: 1 to {MaxNameLength} characters, not blank.", "name");
        }

        var at = time.GetUtcNow();
        if (!await store.CreateListAsync(brandId, body.Id, body.Name, at, cancellationToken))
        {
            return ApiProblems.Of(StatusCodes.Status409Conflict, "list_exists", $"The brand already has a contact list '{body.Id}'.", "id");
        }

        var created = await store.GetListAsync(brandId, body.Id, cancellationToken);
        return TypedResults.Created($"/api/brands/{brandId}/contact-lists/{body.Id}", ToView(created!));
    }

    internal static async Task<Ok<IReadOnlyList<ContactListView>>> ListAsync(string brandId, IContactStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<ContactListView>>([.. (await store.ListListsAsync(brandId, cancellationToken)).Select(ToView)]);

    internal static async Task<Results<Ok<ContactListView>, ProblemHttpResult>> GetAsync(string brandId, string listId, IContactStore store, CancellationToken cancellationToken) =>
        await store.GetListAsync(brandId, listId, cancellationToken) is { } list ? TypedResults.Ok(ToView(list)) : ContactEndpoints.ListNotFound(listId);

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string brandId, string listId, IContactStore store, CancellationToken cancellationToken) =>
        await store.DeleteListAsync(brandId, listId, cancellationToken) ? TypedResults.NoContent() : ContactEndpoints.ListNotFound(listId);

    private static ContactListView ToView(ContactListRecord list) => new(list.Id, list.Name, list.CreatedAt, list.MemberCount);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex ListId();
}
