using Conversations.Domain.Common;
using Conversations.Domain.Numbers;

namespace Conversations.Domain.Tests.Numbers;

public sealed class PhoneNumberDepartmentTests
{
    private static readonly string[] BrandDepartments = ["Sales", "Support"];

    private static PhoneNumberState HeldByBrandA() =>
        PhoneNumberRules.Claim(PhoneNumberState.Unowned, "brand-a", ChannelProvider.Meta).State;

    [Fact]
    public void NumberIsTiedToOneOfTheBrandsDepartments()
    {
        var decision = PhoneNumberRules.AssignDepartment(HeldByBrandA(), "brand-a", "Support", BrandDepartments);

        Assert.True(decision.IsAccepted);
        Assert.Equal("Support", decision.State.Department);
    }

    [Theory]
    [InlineData("Billing")]
    [InlineData("sales")] // departments are matched exactly, as the brand spelled them
    [InlineData("")]
    public void DepartmentTheBrandDoesNotHaveIsRefused(string department)
    {
        var held = HeldByBrandA();

        var decision = PhoneNumberRules.AssignDepartment(held, "brand-a", department, BrandDepartments);

        Assert.False(decision.IsAccepted);
        Assert.Same(held, decision.State);
        Assert.Equal(RefusalCodes.UnknownDepartment, decision.Refusal!.Code);
        Assert.Equal("department", decision.Refusal.Field);
    }

    [Fact]
    public void DepartmentCanBeClearedWithNull()
    {
        var assigned = PhoneNumberRules.AssignDepartment(HeldByBrandA(), "brand-a", "Sales", BrandDepartments).State;

        var decision = PhoneNumberRules.AssignDepartment(assigned, "brand-a", null, BrandDepartments);

        Assert.True(decision.IsAccepted);
        Assert.Null(decision.State.Department);
    }

    [Fact]
    public void BrandThatDoesNotHoldTheNumberCannotAssignItsDepartment()
    {
        var held = HeldByBrandA();

        var decision = PhoneNumberRules.AssignDepartment(held, "brand-b", "Sales", BrandDepartments);

        Assert.Equal(RefusalCodes.NumberNotOwned, decision.Refusal!.Code);
        Assert.Null(decision.State.Department);
    }
}
