using Conversations.Domain.Surveys;

namespace Conversations.Grains.Distributions;

/// <summary>
/// Marks an outbound message as a distribution's invitation: its delivery is reported to the
/// distribution, and for a two-way distribution (<see cref="Survey"/> set) the customer's reply starts
/// the survey session inside the conversation.
/// </summary>
public sealed record DistributionInvitation(string DistributionId, SurveyDefinition? Survey);
