using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Conversations.Client.Contracts;
using Conversations.Domain.Billing;
using Conversations.Domain.Brands;
using Conversations.Domain.Common;
using Conversations.Domain.Distributions;
using Conversations.Domain.Messaging;
using Conversations.Domain.Numbers;
using Conversations.Domain.Surveys;
using Conversations.Grains;
using Conversations.Grains.Brands;
using Conversations.Grains.Distributions;
using Conversations.Grains.Numbers;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Storage;
using Conversations.Silo.Access;
using Conversations.Silo.Api;
using Conversations.Silo.Contacts;
using Conversations.Silo.Conversations;
using Conversations.Silo.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Silo.Distributions;

/// <summary>
/// <c>/api/brands/{brandId}/distributions</c> (role <c>distribute</c>): create a survey distribution
/// (link or two-way) to a contact list or phones, preview it (recipients by country, exclusions,
/// price, credit) without sending, list past distributions with their counts, one with its recipients,
/// its two-way answers (JSON, or CSV with <c>Accept: text/csv</c>), cancel. And <c>GET /s/{token}</c>,
/// a recipient's personal link (anonymous): the click is recorded and the browser redirected to the survey.
/// </summary>
public static class DistributionEndpoints
{
    /// <summary>Phones one request may name; larger audiences are imported as a contact list.</summary>
    public const int MaxPhones = 10_000;

    /// <summary>How far ahead <c>sendAt</c> may be.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(90);

    private const int Page = 100;
    private const int ResolveBatch = 1_000;

    public static IEndpointRouteBuilder MapDistributions(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/brands/{brandId}/distributions").WithTags("Distributions");
        group.MapPost("/", CreateAsync).WithName("CreateDistribution").RequireRoles(Roles.Admin, Roles.Distribute).WithIdempotency();
        group.MapPost("/preview", PreviewAsync).WithName("PreviewDistribution").RequireRoles(Roles.Admin, Roles.Distribute);
        group.MapGet("/", ListAsync).WithName("ListDistributions").RequireRoles(Roles.Admin, Roles.Distribute);
        group.MapGet("/{distributionId}", GetAsync).WithName("GetDistribution").RequireRoles(Roles.Admin, Roles.Distribute);
        group.MapGet("/{distributionId}/responses", ResponsesAsync).WithName("ListSurveyResponses").RequireRoles(Roles.Admin, Roles.Distribute);
        group.MapPost("/{distributionId}/cancel", CancelAsync).WithName("CancelDistribution").RequireRoles(Roles.Admin, Roles.Distribute);
        routes.MapGet(SurveyLinks.Route, FollowLinkAsync).WithName("FollowSurveyLink").WithTags("Distributions");
        return routes;
    }

    internal static async Task<Results<Created<DistributionCreated>, ProblemHttpResult>> CreateAsync(
        string brandId, DistributionRequest body, HttpContext http, IGrainFactory grains, IContactStore contacts, IDistributionStore store,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var (checkedRequest, problem) = await CheckAsync(brandId, body, grains, contacts, time, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var request = checkedRequest!;
        var now = time.GetUtcNow();
        var idempotencyKey = http.Request.Headers[IdempotencyFilter.Header].ToString();
        var distributionId = idempotencyKey.Length > 0
            ? "d_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{brandId}\n{idempotencyKey}")))[..20]
            : "d_" + Guid.NewGuid().ToString("N")[..20];
        var grain = grains.GetGrain<IDistributionGrain>($"{brandId}:{distributionId}");
        if ((await grain.GetAsync()).Plan is { } existing)
        {
            var counts = await store.CountAsync(brandId, distributionId, cancellationToken);
            return Created(existing, (await grain.GetAsync()).Status, counts.Recipients - counts.OptedOut - counts.Invalid, counts.OptedOut, counts.Invalid);
        }

        long recipients = 0, optedOut = 0, invalid = 0;
        var batch = new List<RecipientRow>(ResolveBatch);
        await foreach (var recipient in ResolveAsync(brandId, request.Recipients, contacts, cancellationToken))
        {
            var status = recipient.Invalid ? RecipientStatus.Invalid : recipient.Contact?.OptedOut == true ? RecipientStatus.OptedOut : RecipientStatus.Pending;
            _ = status switch { RecipientStatus.Invalid => invalid++, RecipientStatus.OptedOut => optedOut++, _ => recipients++ };
            var contact = recipient.Contact;
            batch.Add(new RecipientRow(
                recipient.Phone, contact?.FirstName, contact?.LastName, contact?.Language, contact?.Data, status,
                status == RecipientStatus.Invalid ? recipient.Reason : null, SurveyLinks.NewToken()) { UpdatedAt = now });
            if (batch.Count == ResolveBatch)
            {
                await store.AddRecipientsAsync(brandId, distributionId, batch, cancellationToken);
                batch.Clear();
            }
        }

        await store.AddRecipientsAsync(brandId, distributionId, batch, cancellationToken);
        var plan = new DistributionPlan(
            distributionId, request.Kind, request.SurveyId, request.Survey, request.BusinessNumber, request.Provider, request.Template, request.Parameters,
            request.Recipients.List, recipients + optedOut + invalid, request.SendAt, now);
        var snapshot = await grain.CreateAsync(plan);
        return Created(snapshot.Plan!, snapshot.Status, recipients, optedOut, invalid);

        Created<DistributionCreated> Created(DistributionPlan plan, DistributionStatus status, long toSend, long excludedOptedOut, long excludedInvalid) =>
            TypedResults.Created(
                $"/api/brands/{brandId}/distributions/{plan.DistributionId}",
                new DistributionCreated(plan.DistributionId, StatusName(status), toSend, excludedOptedOut, excludedInvalid));
    }

    internal static async Task<Results<Ok<DistributionPreview>, ProblemHttpResult>> PreviewAsync(
        string brandId, DistributionRequest body, IGrainFactory grains, IContactStore contacts, RateCard rateCard, TimeProvider time, CancellationToken cancellationToken)
    {
        var (checkedRequest, problem) = await CheckAsync(brandId, body, grains, contacts, time, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var request = checkedRequest!;
        long recipients = 0, optedOut = 0, invalid = 0, total = 0;
        var countries = new SortedDictionary<string, (string Country, long Recipients, long Micros)>(StringComparer.Ordinal);
        var refused = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await foreach (var recipient in ResolveAsync(brandId, request.Recipients, contacts, cancellationToken))
        {
            if (recipient.Invalid)
            {
                invalid++;
                continue;
            }

            if (recipient.Contact?.OptedOut == true)
            {
                optedOut++;
                continue;
            }

            var number = WhatsAppNumber.Parse(recipient.Phone);
            if (SendPolicy.RecipientRefusal(request.Template.Category, number) is { } refusal)
            {
                refused[refusal.Code] = refused.GetValueOrDefault(refusal.Code) + 1;
                continue;
            }

            var row = rateCard.RowFor(number);
            var price = SendPolicy.PriceOfTemplate(request.Template.Category, windowOpen: false, number, request.Provider, rateCard).AmountMicros;
            var known = countries.GetValueOrDefault(row.CallingCode, (row.Country, 0, 0));
            countries[row.CallingCode] = (row.Country, known.Recipients + 1, known.Micros + price);
            recipients++;
            total += price;
        }

        var brand = await grains.GetGrain<IBrandGrain>(brandId).GetAsync();
        return TypedResults.Ok(new DistributionPreview(
            recipients,
            [.. countries.Select(c => new DistributionCountry(c.Key, c.Value.Country, c.Value.Recipients, ConversationViews.Usd(c.Value.Micros)))],
            optedOut, invalid, refused, ConversationViews.Usd(total), ConversationViews.Usd(brand.Credits.AvailableMicros)));
    }

    internal static async Task<Results<Ok<DistributionPage>, ProblemHttpResult>> ListAsync(
        string brandId, string? cursor, int? limit, IGrainStorage storage, IDistributionStore store, CancellationToken cancellationToken)
    {
        var take = Math.Clamp(limit ?? 20, 1, Page);
        string? before = null;
        if (cursor is not null && !TryDecode(cursor, out before))
        {
            return ApiProblems.BadRequest("invalid_format", "cursor is not one this API gave out.", "cursor");
        }

        var rows = await storage.ListRowsAsync(DistributionRow.Collection, brandId, before, take + 1, cancellationToken);
        var items = new List<DistributionView>();
        foreach (var row in rows.Take(take))
        {
            var distribution = JsonSerializer.Deserialize<DistributionRow>(row.Body, GrainJson.Options)!;
            items.Add(View(distribution, await store.CountAsync(brandId, distribution.DistributionId, cancellationToken)));
        }

        return TypedResults.Ok(new DistributionPage(items, rows.Count > take ? Encode(rows[take - 1].SortKey) : null));
    }

    internal static async Task<Results<Ok<DistributionDetail>, ProblemHttpResult>> GetAsync(
        string brandId, string distributionId, string? cursor, int? limit, IGrainStorage storage, IDistributionStore store, CancellationToken cancellationToken)
    {
        var row = await storage.GetRowAsync(DistributionRow.Collection, DistributionRow.RowKey(brandId, distributionId), cancellationToken);
        if (row is null)
        {
            return ApiProblems.NotFound($"Distribution '{distributionId}'");
        }

        var take = Math.Clamp(limit ?? Page, 1, 1_000);
        var distribution = JsonSerializer.Deserialize<DistributionRow>(row.Body, GrainJson.Options)!;
        var recipients = await store.ListAsync(brandId, distributionId, cursor, take + 1, cancellationToken);
        var counts = await store.CountAsync(brandId, distributionId, cancellationToken);
        return TypedResults.Ok(new DistributionDetail(
            View(distribution, counts),
            [.. recipients.Take(take).Select(r => new RecipientView(r.Phone, r.Status, r.Reason, r.MessageId, r.Clicks, r.Survey, r.OptedOut || r.Status == RecipientStatus.OptedOut, r.UpdatedAt))],
            recipients.Count > take ? recipients[take - 1].Phone : null));
    }

    internal static async Task<IResult> ResponsesAsync(
        string brandId, string distributionId, string? cursor, int? limit, HttpContext http, IGrainFactory grains, IGrainStorage storage, CancellationToken cancellationToken)
    {
        var snapshot = await grains.GetGrain<IDistributionGrain>($"{brandId}:{distributionId}").GetAsync();
        if (snapshot.Plan is not { } plan)
        {
            return ApiProblems.NotFound($"Distribution '{distributionId}'");
        }

        var questions = plan.Survey.Questions.Select(q => q.Id).ToList();
        var partition = SurveyResponseRow.Partition(brandId, distributionId);
        if (http.Request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Stream(
                async body =>
                {
                    await using var writer = new StreamWriter(body, new UTF8Encoding(false));
                    await writer.WriteLineAsync(Csv(["phone", "status", "startedAt", "endedAt", .. questions]));
                    string? after = null;
                    while (true)
                    {
                        var rows = await storage.ListRowsAfterAsync(SurveyResponseRow.Collection, partition, after, 500, cancellationToken);
                        foreach (var row in rows)
                        {
                            var response = JsonSerializer.Deserialize<SurveyResponseRow>(row.Body, GrainJson.Options)!;
                            var answers = response.Answers.GroupBy(a => a.QuestionId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
                            await writer.WriteLineAsync(Csv([
                                response.Phone, SessionStatusName(response.Status), Time(response.StartedAt), response.EndedAt is { } ended ? Time(ended) : string.Empty,
                                .. questions.Select(q => answers.GetValueOrDefault(q) ?? string.Empty)]));
                        }

                        if (rows.Count < 500)
                        {
                            break;
                        }

                        after = rows[^1].SortKey;
                    }
                },
                "text/csv; charset=utf-8",
                $"{distributionId}-responses.csv");
        }

        var take = Math.Clamp(limit ?? Page, 1, 1_000);
        var page = await storage.ListRowsAfterAsync(SurveyResponseRow.Collection, partition, cursor, take + 1, cancellationToken);
        var views = page.Take(take)
            .Select(r => JsonSerializer.Deserialize<SurveyResponseRow>(r.Body, GrainJson.Options)!)
            .Select(r => new SurveyResponseView(
                r.Phone, SessionStatusName(r.Status), r.StartedAt, r.EndedAt,
                [.. r.Answers.Select(a => new SurveyAnswerView(a.QuestionId, a.Value, a.Reply, a.Valid, a.At))]))
            .ToList();
        return TypedResults.Ok(new SurveyResponsePage(questions, views, page.Count > take ? page[take - 1].SortKey : null));
    }

    internal static async Task<Results<Ok<DistributionView>, ProblemHttpResult>> CancelAsync(
        string brandId, string distributionId, IGrainFactory grains, IGrainStorage storage, IDistributionStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var grain = grains.GetGrain<IDistributionGrain>($"{brandId}:{distributionId}");
        var snapshot = await grain.CancelAsync();
        if (snapshot.Plan is null)
        {
            return ApiProblems.NotFound($"Distribution '{distributionId}'");
        }

        if (snapshot.Status == DistributionStatus.Cancelled)
        {
            await store.CancelPendingAsync(brandId, distributionId, time.GetUtcNow(), cancellationToken);
        }

        var row = await storage.GetRowAsync(DistributionRow.Collection, DistributionRow.RowKey(brandId, distributionId), cancellationToken);
        return TypedResults.Ok(View(JsonSerializer.Deserialize<DistributionRow>(row!.Body, GrainJson.Options)!, await store.CountAsync(brandId, distributionId, cancellationToken)));
    }

    internal static async Task<IResult> FollowLinkAsync(string token, IGrainFactory grains, IDistributionStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        if (token.Length is 0 or > 64)
        {
            return ApiProblems.NotFound("This survey link");
        }

        var link = await store.ClickAsync(token, time.GetUtcNow(), cancellationToken);
        if (link is null)
        {
            return ApiProblems.NotFound("This survey link");
        }

        var snapshot = await grains.GetGrain<IDistributionGrain>($"{link.BrandId}:{link.DistributionId}").GetAsync();
        return snapshot.Plan?.Survey.LinkUrl is { } url
            ? TypedResults.Redirect(SurveyLinks.Target(url, token))
            : ApiProblems.NotFound("This survey link");
    }

    /// <summary>The request checked field by field, with the survey, number and template it names.</summary>
    private static async Task<(CheckedRequest?, ProblemHttpResult?)> CheckAsync(
        string brandId, DistributionRequest? body, IGrainFactory grains, IContactStore contacts, TimeProvider time, CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return (null, ApiProblems.BadRequest("invalid_format", "A JSON body is required.", null));
        }

        if (!DistributionKinds.IsKnown(body.Kind))
        {
            return (null, ApiProblems.BadRequest("invalid_format", "kind is link or two_way.", "kind"));
        }

        if (string.IsNullOrEmpty(body.SurveyId))
        {
            return (null, ApiProblems.BadRequest("invalid_format", "surveyId is required.", "surveyId"));
        }

        var brand = grains.GetGrain<IBrandGrain>(brandId);
        var survey = await brand.GetSurveyAsync(body.SurveyId);
        if (survey is null)
        {
            return (null, ApiProblems.Of(StatusCodes.Status422UnprocessableEntity, "survey_not_found", $"The brand has no survey '{body.SurveyId}'.", "surveyId"));
        }

        if (body.Kind == DistributionKinds.Link && string.IsNullOrEmpty(survey.LinkUrl))
        {
            return (null, ApiProblems.Of(StatusCodes.Status422UnprocessableEntity, "survey_has_no_link", $"Survey '{body.SurveyId}' has no linkUrl: a link distribution needs one.", "surveyId"));
        }

        if (body.Kind == DistributionKinds.TwoWay && survey.Questions.Count == 0)
        {
            return (null, ApiProblems.Of(StatusCodes.Status422UnprocessableEntity, "survey_has_no_questions", $"Survey '{body.SurveyId}' has no questions: a two-way distribution asks at least one.", "surveyId"));
        }

        if (!WhatsAppNumber.TryParse(body.BusinessNumber, "businessNumber", out _, out var badNumber))
        {
            return (null, ApiProblems.FromRefusal(badNumber!));
        }

        var number = await grains.GetGrain<IPhoneNumberGrain>(body.BusinessNumber!).GetCurrentAsync();
        if (number.BrandId != brandId)
        {
            return (null, ApiProblems.NotFound($"Business number '{body.BusinessNumber}' of this brand"));
        }

        if (body.Template is null)
        {
            return (null, ApiProblems.BadRequest("invalid_format", "template is required: the approved template that invites each recipient.", "template"));
        }

        var (message, badTemplate) = await MessageEndpoints.TemplateAsync(brandId, "preview", number.Provider, body.Template, grains);
        if (badTemplate is not null)
        {
            return (null, badTemplate);
        }

        var content = (TemplateContent)message!.Content;
        if (content.Template.Status != TemplateStatus.Approved)
        {
            return (null, ApiProblems.Of(
                StatusCodes.Status422UnprocessableEntity, RefusalCodes.TemplateNotApproved,
                $"Template '{content.Template.Name}' ({content.Template.Language}) is {content.Template.Status.ToString().ToLowerInvariant()}, not approved.", "template.name"));
        }

        if (InvitationFields.Check(content.Parameters, body.Kind == DistributionKinds.Link) is { } badField)
        {
            return (null, ApiProblems.FromRefusal(badField));
        }

        var recipients = body.Recipients;
        var phoneCount = recipients?.Phones?.Count ?? 0;
        if (recipients is null || (recipients.List is null) == (recipients.Phones is null))
        {
            return (null, ApiProblems.BadRequest("invalid_format", "recipients needs exactly one of list (a contact list's id) or phones.", "recipients"));
        }

        if (recipients.Phones is not null && phoneCount is 0 or > MaxPhones)
        {
            return (null, ApiProblems.BadRequest("invalid_format", $"recipients.phones holds 1 to {MaxPhones:N0} numbers; import larger audiences as a contact list.", "recipients.phones"));
        }

        if (recipients.List is { } list && !await contacts.ListExistsAsync(brandId, list, cancellationToken))
        {
            return (null, ApiProblems.Of(StatusCodes.Status422UnprocessableEntity, "list_not_found", $"The brand has no contact list '{list}'.", "recipients.list"));
        }

        var now = time.GetUtcNow();
        if (body.SendAt is { } sendAt && sendAt > now + MaxDelay)
        {
            return (null, ApiProblems.BadRequest("out_of_range", $"sendAt is at most {MaxDelay.TotalDays:N0} days ahead.", "sendAt"));
        }

        return (new CheckedRequest(
            body.Kind!, body.SurveyId, survey, body.BusinessNumber!, number.Provider, content.Template, content.Parameters, recipients, body.SendAt > now ? body.SendAt : null), null);
    }

    /// <summary>Every recipient named, once each: the list's contacts by phone, or the phones given (normalised; an invalid one reported with why).</summary>
    private static async IAsyncEnumerable<Recipient> ResolveAsync(
        string brandId, DistributionRecipients recipients, IContactStore contacts, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (recipients.List is { } list)
        {
            string? after = null;
            while (true)
            {
                var page = await contacts.ListAsync(brandId, list, after, ResolveBatch, cancellationToken);
                foreach (var contact in page)
                {
                    yield return new Recipient(contact.Phone, contact, false, null);
                }

                if (page.Count < ResolveBatch)
                {
                    yield break;
                }

                after = page[^1].Phone;
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var valid = new List<string>();
        foreach (var raw in recipients.Phones!)
        {
            var digits = new string((raw ?? string.Empty).Where(c => c is not ('+' or ' ' or '-' or '(' or ')' or '.')).ToArray());
            if (!WhatsAppNumber.TryParse(digits, "phone", out _, out var refusal))
            {
                var key = string.IsNullOrEmpty(digits) ? "(empty)" : digits.Length > 32 ? digits[..32] : digits;
                if (seen.Add("invalid:" + key))
                {
                    yield return new Recipient(key, null, true, refusal!.Message);
                }
            }
            else if (seen.Add(digits))
            {
                valid.Add(digits);
            }
        }

        foreach (var chunk in valid.Chunk(ResolveBatch))
        {
            var known = (await contacts.GetManyAsync(brandId, chunk, cancellationToken)).ToDictionary(c => c.Phone, StringComparer.Ordinal);
            foreach (var phone in chunk)
            {
                yield return new Recipient(phone, known.GetValueOrDefault(phone), false, null);
            }
        }
    }

    private static DistributionView View(DistributionRow row, RecipientCounts counts) =>
        new(row.DistributionId, row.Kind, row.SurveyId, row.BusinessNumber, row.List, StatusName(row.Status), row.CreatedAt, row.SendAt, row.StartedAt, row.FinishedAt, row.CancelledAt,
            new DistributionCounts(
                counts.Recipients, counts.Pending, counts.Sent, counts.Delivered, counts.Read, counts.Failed, counts.OptedOut, counts.Invalid, counts.Cancelled,
                counts.Clicked, counts.Clicks, counts.SurveysStarted, counts.SurveysCompleted));

    private static string StatusName(DistributionStatus status) => status.ToString().ToLowerInvariant();

    private static string SessionStatusName(SurveySessionStatus status) => status switch
    {
        SurveySessionStatus.OptedOut => "opted_out",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>One CSV line (RFC 4180): a field with a comma, quote or line break is quoted, quotes doubled.</summary>
    private static string Csv(IEnumerable<string> fields) =>
        string.Join(",", fields.Select(f => f.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : f));

    private static string Encode(string sortKey) => Convert.ToBase64String(Encoding.UTF8.GetBytes(sortKey)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryDecode(string cursor, out string? sortKey)
    {
        sortKey = null;
        var base64 = cursor.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var bytes = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, bytes, out var length))
        {
            return false;
        }

        sortKey = Encoding.UTF8.GetString(bytes, 0, length);
        return true;
    }

    private sealed record Recipient(string Phone, ContactRecord? Contact, bool Invalid, string? Reason);

    private sealed record CheckedRequest(
        string Kind, string SurveyId, SurveyDefinition Survey, string BusinessNumber, ChannelProvider Provider, MessageTemplate Template,
        IReadOnlyList<string> Parameters, DistributionRecipients Recipients, DateTimeOffset? SendAt);
}
