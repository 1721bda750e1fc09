using Conversations.Grains.Conversations;
using Conversations.Runtime.Grains;

namespace Conversations.Grains.Customers;

/// <inheritdoc cref="ICustomerLinkGrain"/>
internal sealed class CustomerLinkGrain : Grain<CustomerLinkState>, ICustomerLinkGrain
{
    public Task<string> ResolveAsync(string? phone)
    {
        if (State.Customer is { } linked)
        {
            return Task.FromResult(linked);
        }

        var userId = ConversationKey.Parse(Id.Key).Customer;
        var customer = string.IsNullOrEmpty(phone) ? userId : phone;
        State = new CustomerLinkState(customer);
        return Task.FromResult(customer);
    }

    public Task ForgetAsync()
    {
        ClearState();
        return Task.CompletedTask;
    }

    protected override CustomerLinkState InitialState() => CustomerLinkState.Unlinked;
}
