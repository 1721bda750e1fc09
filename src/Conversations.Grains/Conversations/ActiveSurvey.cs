using Conversations.Domain.Numbers;
using Conversations.Domain.Surveys;

namespace Conversations.Grains.Conversations;

/// <summary>The conversation's survey session (active, or the last one ended), and the channel its questions go through.</summary>
internal sealed record ActiveSurvey(SurveySession Session, ChannelProvider Provider);
