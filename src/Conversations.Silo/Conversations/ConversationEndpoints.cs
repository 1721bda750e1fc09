using System.Text;
using System.Text.Json;
using Conversations.Client.Contracts;
using Conversations.Domain.Conversations;
using Conversations.Grains;
using Conversations.Grains.Brands;
using Conversations.Grains.Conversations;
using Conversations.Grains.Customers;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Storage;
using Conversations.Silo.Access;
using Conversations.Silo.Api;
using Conversations.Silo.Media;
using Conversations.Silo.Sandbox;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Silo.Conversations;

/// <summary>
/// <c>/api/brands/{brandId}/conversations</c> for operators: the list (served from committed
/// projection rows, most recent activity first, filtered by status, department and assignee), one
/// conversation with the first page of its transcript, the transcript's pages, and the chat's
/// assignment, department, tags and closing. Sending lives in <see cref="MessageEndpoints"/>.
/// </summary>
public static class ConversationEndpoints
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const int MaxTags = 20;
    public const int MaxTagLength = 50;
    public const int MaxOperatorIdLength = 100;

    /// <summary>A filtered list reads at most this many rows per page before answering with what it found.</summary>
    private const int MaxScannedRows = 2_000;

    public static IEndpointRouteBuilder MapConversations(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/brands/{brandId}/conversations").WithTags("Conversations");
        group.MapGet("/", ListAsync).WithName("ListConversations").RequireRoles(Roles.Admin, Roles.Operator);
        group.MapGet("/{id}", GetAsync).WithName("GetConversation").RequireRoles(Roles.Admin, Roles.Operator);
        group.MapGet("/{id}/messages", MessagesAsync).WithName("ListConversationMessages").RequireRoles(Roles.Admin, Roles.Operator);
        group.MapPost("/{id}/assign", AssignAsync).WithName("AssignConversation").RequireRoles(Roles.Admin, Roles.Operator);
        group.MapPost("/{id}/close", CloseAsync).WithName("CloseConversation").RequireRoles(Roles.Admin, Roles.Operator);
        group.MapPost("/{id}/department", DepartmentAsync).WithName("SetConversationDepartment").RequireRoles(Roles.Admin, Roles.Operator);
        group.MapPut("/{id}/tags", TagsAsync).WithName("SetConversationTags").RequireRoles(Roles.Admin, Roles.Operator);
        group.MapDelete("/{id}", EraseAsync).WithName("EraseConversation").RequireRoles(Roles.Admin);
        return routes;
    }

    internal static async Task<Results<Ok<ConversationPage>, ProblemHttpResult>> ListAsync(
        string brandId, string? status, string? department, string? assignee, string? cursor, int? limit, IGrainStorage storage, CancellationToken cancellationToken)
    {
        var size = limit ?? DefaultPageSize;
        if (size is < 1 or > MaxPageSize)
        {
            return ApiProblems.BadRequest("out_of_range", $"limit must be between 1 and {MaxPageSize} inclusive; got {size}.", "limit");
        }

        ChatStatus? wanted = null;
        if (status is not null)
        {
            if (!Enum.TryParse<ChatStatus>(status, ignoreCase: true, out var parsed) || !status.All(char.IsAsciiLetterLower))
            {
                return ApiProblems.BadRequest("invalid_format", "status must be one of waiting, active, missed, closed.", "status");
            }

            wanted = parsed;
        }

        string? before = null;
        if (cursor is not null && !TryDecodeCursor(cursor, out before))
        {
            return ApiProblems.BadRequest("invalid_format", "cursor is not one this API gave out.", "cursor");
        }

        var items = new List<ConversationListItem>(size);
        var scanned = 0;
        while (items.Count < size && scanned < MaxScannedRows)
        {
            var rows = await storage.ListRowsAsync(ProjectionCollections.Conversations, brandId, before, size, cancellationToken);
            foreach (var row in rows)
            {
                scanned++;
                before = row.SortKey;
                var summary = JsonSerializer.Deserialize<ConversationSummary>(row.Body, GrainJson.Options)!;
                if ((wanted is null || summary.Status == wanted)
                    && (department is null || string.Equals(summary.Department, department, StringComparison.Ordinal))
                    && (assignee is null || string.Equals(summary.Assignee, assignee, StringComparison.Ordinal)))
                {
                    items.Add(ConversationViews.ListItem(summary));
                    if (items.Count == size)
                    {
                        break;
                    }
                }
            }

            if (rows.Count < size)
            {
                before = null;
                break;
            }
        }

        var next = before is null ? null : EncodeCursor(before);
        return TypedResults.Ok(new ConversationPage(items, next));
    }

    internal static async Task<Results<Ok<ConversationView>, ProblemHttpResult>> GetAsync(
        string brandId, string id, IGrainFactory grains, IGrainStorage storage, CancellationToken cancellationToken)
    {
        if (!ConversationIds.TryParse(brandId, id, out var key, out var problem))
        {
            return problem!;
        }

        var snapshot = await grains.GetGrain<IConversationGrain>(key.ToString()).GetAsync();
        if (!Exists(snapshot))
        {
            return NotFound(id);
        }

        var page = await TranscriptPage(storage, key, null, DefaultPageSize, cancellationToken);
        return TypedResults.Ok(ConversationViews.Conversation(key, snapshot, page));
    }

    internal static async Task<Results<Ok<MessagePage>, ProblemHttpResult>> MessagesAsync(
        string brandId, string id, string? cursor, int? limit, IGrainFactory grains, IGrainStorage storage, CancellationToken cancellationToken)
    {
        if (!ConversationIds.TryParse(brandId, id, out var key, out var problem))
        {
            return problem!;
        }

        var size = limit ?? DefaultPageSize;
        if (size is < 1 or > MaxPageSize)
        {
            return ApiProblems.BadRequest("out_of_range", $"limit must be between 1 and {MaxPageSize} inclusive; got {size}.", "limit");
        }

        long? before = null;
        if (cursor is not null)
        {
            if (!long.TryParse(cursor, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seq) || seq < 1)
            {
                return ApiProblems.BadRequest("invalid_format", "cursor is not one this API gave out.", "cursor");
            }

            before = seq;
        }

        if (!Exists(await grains.GetGrain<IConversationGrain>(key.ToString()).GetAsync()))
        {
            return NotFound(id);
        }

        return TypedResults.Ok(await TranscriptPage(storage, key, before, size, cancellationToken));
    }

    internal static async Task<Results<Ok<ConversationView>, ProblemHttpResult>> AssignAsync(
        string brandId, string id, AssignRequest body, IGrainFactory grains, IGrainStorage storage, CancellationToken cancellationToken)
    {
        if (!ConversationIds.TryParse(brandId, id, out var key, out var problem))
        {
            return problem!;
        }

        if (string.IsNullOrWhiteSpace(body.OperatorId) || body.OperatorId.Length > MaxOperatorIdLength || body.OperatorId.Any(char.IsControl))
        {
            return ApiProblems.BadRequest("invalid_format", $"operatorId is required: 1 to {MaxOperatorIdLength} characters, no control characters.", "operatorId");
        }

        var grain = grains.GetGrain<IConversationGrain>(key.ToString());
        if (!Exists(await grain.GetAsync()))
        {
            return NotFound(id);
        }

        if (await grain.AssignAsync(body.OperatorId) is not { } assigned)
        {
            return ApiProblems.Of(StatusCodes.Status409Conflict, "chat_closed", "The conversation has no open chat to assign; it opens again when the customer writes or a template is sent.", "operatorId");
        }

        return TypedResults.Ok(ConversationViews.Conversation(key, assigned, await TranscriptPage(storage, key, null, DefaultPageSize, cancellationToken)));
    }

    internal static async Task<Results<Ok<ConversationView>, ProblemHttpResult>> CloseAsync(
        string brandId, string id, IGrainFactory grains, IGrainStorage storage, CancellationToken cancellationToken)
    {
        if (!ConversationIds.TryParse(brandId, id, out var key, out var problem))
        {
            return problem!;
        }

        var grain = grains.GetGrain<IConversationGrain>(key.ToString());
        if (!Exists(await grain.GetAsync()))
        {
            return NotFound(id);
        }

        var closed = await grain.CloseAsync();
        return TypedResults.Ok(ConversationViews.Conversation(key, closed, await TranscriptPage(storage, key, null, DefaultPageSize, cancellationToken)));
    }

    internal static async Task<Results<Ok<ConversationView>, ProblemHttpResult>> DepartmentAsync(
        string brandId, string id, DepartmentRequest body, IGrainFactory grains, IGrainStorage storage, CancellationToken cancellationToken)
    {
        if (!ConversationIds.TryParse(brandId, id, out var key, out var problem))
        {
            return problem!;
        }

        if (body.Department is { } department && !(await grains.GetGrain<IBrandGrain>(brandId).GetSettingsAsync()).Departments.Contains(department, StringComparer.Ordinal))
        {
            return ApiProblems.BadRequest("unknown_department", $"'{department}' is not one of the brand's departments (see the brand's settings).", "department");
        }

        var grain = grains.GetGrain<IConversationGrain>(key.ToString());
        if (!Exists(await grain.GetAsync()))
        {
            return NotFound(id);
        }

        var updated = await grain.SetDepartmentAsync(body.Department);
        return TypedResults.Ok(ConversationViews.Conversation(key, updated, await TranscriptPage(storage, key, null, DefaultPageSize, cancellationToken)));
    }

    internal static async Task<Results<Ok<ConversationView>, ProblemHttpResult>> TagsAsync(
        string brandId, string id, TagsRequest body, IGrainFactory grains, IGrainStorage storage, CancellationToken cancellationToken)
    {
        if (!ConversationIds.TryParse(brandId, id, out var key, out var problem))
        {
            return problem!;
        }

        if (body.Tags is not { } tags || tags.Count > MaxTags)
        {
            return ApiProblems.BadRequest("invalid_format", $"tags is required: a list of at most {MaxTags} tags.", "tags");
        }

        for (var i = 0; i < tags.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(tags[i]) || tags[i].Length > MaxTagLength || tags[i].Any(char.IsControl))
            {
                return ApiProblems.BadRequest("invalid_format", $"tags[{i}] must be 1 to {MaxTagLength} characters, not blank, no control characters.", $"tags[{i}]");
            }
        }

        var grain = grains.GetGrain<IConversationGrain>(key.ToString());
        if (!Exists(await grain.GetAsync()))
        {
            return NotFound(id);
        }

        var updated = await grain.SetTagsAsync(tags);
        return TypedResults.Ok(ConversationViews.Conversation(key, updated, await TranscriptPage(storage, key, null, DefaultPageSize, cancellationToken)));
    }

    /// <summary>
    /// A data-protection erasure on request: the conversation's state, transcript, list entry, timers,
    /// cached customer media, the uploads sent only to this customer, the sandbox's copy of what was sent, and the user-id link go; an audit row without personal data stays.
    /// Then the storage's files are scrubbed of the deleted rows (<see cref="ErasureScrubber"/>).
    /// </summary>
    internal static async Task<Results<Ok<ErasureView>, ProblemHttpResult>> EraseAsync(
        string brandId, string id, HttpContext http, IGrainFactory grains, IMediaStore media, IGrainStorage storage, ErasureScrubber scrubber, CancellationToken cancellationToken)
    {
        if (!ConversationIds.TryParse(brandId, id, out var key, out var problem))
        {
            return problem!;
        }

        var grain = grains.GetGrain<IConversationGrain>(key.ToString());
        var snapshot = await grain.GetAsync();
        if (!Exists(snapshot))
        {
            return NotFound(id);
        }

        var erased = await grain.EraseOnRequestAsync($"era_{Guid.NewGuid():N}", http.Caller().KeyId ?? "root");
        if (snapshot.Identity?.UserId is { } userId)
        {
            await grains.GetGrain<ICustomerLinkGrain>(new ConversationKey(brandId, key.BusinessNumber, userId).ToString()).ForgetAsync();
        }

        var mediaDeleted = await media.DeleteInboundAsync(brandId, id, cancellationToken) + await media.DeleteSentInAsync(brandId, ConversationIds.Format(key), cancellationToken);
        await SandboxErasure.ForgetAsync(grains, storage, key, cancellationToken);
        await scrubber.ScrubAsync(cancellationToken);
        return TypedResults.Ok(new ErasureView(erased.ErasureId, erased.At, erased.BusinessNumber, erased.TranscriptEntries, erased.Deliveries, mediaDeleted));
    }

    /// <summary>A conversation exists once a message went either way (a chat opened, or its transcript has entries).</summary>
    internal static bool Exists(ConversationSnapshot snapshot) => snapshot.Chat is not null || snapshot.TranscriptLength > 0;

    internal static ProblemHttpResult NotFound(string id) => ApiProblems.NotFound($"Conversation '{id}'");

    /// <summary>Transcript entries older than <paramref name="before"/> (all when null), newest first.</summary>
    internal static async Task<MessagePage> TranscriptPage(IGrainStorage storage, ConversationKey key, long? before, int size, CancellationToken cancellationToken)
    {
        var rows = await storage.ListRowsAsync(
            ProjectionCollections.Messages, key.ToString(), before is { } seq ? TranscriptEntry.SortKeyOf(seq) : null, size, cancellationToken);
        var items = rows.Select(r => ConversationViews.Message(key, JsonSerializer.Deserialize<TranscriptEntry>(r.Body, GrainJson.Options)!)).ToList();
        var next = rows.Count == size && items.Count > 0 && items[^1].Seq > 1
            ? items[^1].Seq.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : null;
        return new MessagePage(items, next);
    }

    private static string EncodeCursor(string sortKey) => Convert.ToBase64String(Encoding.UTF8.GetBytes(sortKey)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryDecodeCursor(string cursor, out string? sortKey)
    {
        sortKey = null;
        if (cursor.Length is 0 or > 600)
        {
            return false;
        }

        var base64 = cursor.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, buffer, out var written))
        {
            return false;
        }

        sortKey = Encoding.UTF8.GetString(buffer, 0, written);
        return sortKey.Contains('|', StringComparison.Ordinal);
    }
}
