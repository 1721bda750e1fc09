using Conversations.Domain.Numbers;
using Conversations.Domain.Surveys;

namespace Conversations.Grains.Conversations;

/// <summary>
/// A two-way distribution invited this customer (its template was accepted for sending): their next
/// message within <see cref="ConversationGrain.InvitationMemory"/> starts the survey, asked through
/// <see cref="Provider"/>.
/// </summary>
internal sealed record PendingSurvey(string DistributionId, SurveyDefinition Survey, ChannelProvider Provider, DateTimeOffset InvitedAt);
