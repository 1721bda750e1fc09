using Conversations.Domain.Numbers;

namespace Conversations.Grains.Numbers;

/// <summary>
/// A business number as it stands. <see cref="BrandId"/> is <see langword="null"/> while no brand
/// holds it; <see cref="Error"/> is the error to show the brand (with its cause and fix), or
/// <see langword="null"/> when the number can send.
/// </summary>
public sealed record NumberSnapshot(
    string Number,
    string? BrandId,
    ChannelProvider Provider,
    string? Department,
    Throughput Throughput,
    RegistrationStatus Registration,
    NumberError? Error);
