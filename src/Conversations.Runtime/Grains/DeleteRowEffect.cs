namespace Conversations.Runtime.Grains;

/// <summary>Delete a projection row.</summary>
public sealed record DeleteRowEffect(string Collection, string RowKey) : GrainEffect;
