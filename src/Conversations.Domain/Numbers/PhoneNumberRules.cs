using Conversations.Domain.Common;

namespace Conversations.Domain.Numbers;

/// <summary>The rules of a business number: one brand at a time, a department of that brand, a sane rate.</summary>
public static class PhoneNumberRules
{
    /// <summary>
    /// Connects the number to <paramref name="brandId"/> through <paramref name="provider"/>.
    /// A number held by another brand is refused with <c>number_already_configured</c>; the same
    /// brand connecting again is an idempotent update (it may switch provider).
    /// </summary>
    public static Decision<PhoneNumberState> Claim(PhoneNumberState state, string brandId, ChannelProvider provider)
    {
        ArgumentException.ThrowIfNullOrEmpty(brandId);
        if (state.BrandId is not null && state.BrandId != brandId)
        {
            var error = NumberError.NumberAlreadyConfigured;
            return Decision<PhoneNumberState>.Refuse(state, new Refusal(error.Code, $"{error.Cause} {error.Fix}", "phoneNumber"));
        }

        if (state.BrandId == brandId && state.Provider == provider)
        {
            return Decision<PhoneNumberState>.Accept(state);
        }

        // A rate the brand chose survives a provider switch; the old provider's default does not
        // (Meta's 80/s on a Twilio sender would only be throttled by Twilio).
        var keepRate = state.BrandId == brandId && state.Throughput != Throughput.DefaultFor(state.Provider);
        var throughput = keepRate ? state.Throughput : Throughput.DefaultFor(provider);
        var claimed = state with { BrandId = brandId, Provider = provider, Throughput = throughput };
        if (state.BrandId != brandId)
        {
            claimed = claimed with { Department = null, Registration = RegistrationStatus.Approved };
        }

        return Decision<PhoneNumberState>.Accept(claimed, new NumberClaimed(brandId, provider));
    }

    /// <summary>Disconnects the number from <paramref name="brandId"/>; releasing a number one does not hold is refused.</summary>
    public static Decision<PhoneNumberState> Release(PhoneNumberState state, string brandId)
    {
        if (state.BrandId is null)
        {
            return Decision<PhoneNumberState>.Accept(state);
        }

        if (state.BrandId != brandId)
        {
            return Decision<PhoneNumberState>.Refuse(state, NotOwned());
        }

        return Decision<PhoneNumberState>.Accept(PhoneNumberState.Unowned, new NumberReleased(brandId));
    }

    /// <summary>Ties the number to one of the brand's departments (or to none with <see langword="null"/>).</summary>
    public static Decision<PhoneNumberState> AssignDepartment(
        PhoneNumberState state, string brandId, string? department, IReadOnlyCollection<string> brandDepartments)
    {
        if (state.BrandId != brandId)
        {
            return Decision<PhoneNumberState>.Refuse(state, NotOwned());
        }

        if (department is not null && !brandDepartments.Contains(department, StringComparer.Ordinal))
        {
            return Decision<PhoneNumberState>.Refuse(state, new Refusal(
                RefusalCodes.UnknownDepartment,
                $"department '{department}' is not one of the brand's departments.",
                "department"));
        }

        return Decision<PhoneNumberState>.Accept(state with { Department = department });
    }

    public static Decision<PhoneNumberState> SetThroughput(PhoneNumberState state, string brandId, Throughput throughput)
    {
        if (state.BrandId != brandId)
        {
            return Decision<PhoneNumberState>.Refuse(state, NotOwned());
        }

        var refusal = throughput.Check();
        return refusal is null
            ? Decision<PhoneNumberState>.Accept(state with { Throughput = throughput })
            : Decision<PhoneNumberState>.Refuse(state, refusal);
    }

    public static Decision<PhoneNumberState> SetRegistration(PhoneNumberState state, string brandId, RegistrationStatus status)
    {
        if (state.BrandId != brandId)
        {
            return Decision<PhoneNumberState>.Refuse(state, NotOwned());
        }

        return Decision<PhoneNumberState>.Accept(state with { Registration = status });
    }

    private static Refusal NotOwned() =>
        new(RefusalCodes.NumberNotOwned, "This number is not connected to this brand.", "phoneNumber");
}
