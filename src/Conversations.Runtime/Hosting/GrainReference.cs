using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Conversations.Runtime.Grains;

namespace Conversations.Runtime.Hosting;

/// <summary>
/// The object a caller holds for a grain: it implements the grain's interface and turns each call
/// into a turn on the grain's activation (activating it first when needed), like an Orleans
/// grain reference. Built with <see cref="DispatchProxy"/>; each method gets a compiled invoker
/// once, so calls do not go through reflection.
/// </summary>
#pragma warning disable CA1852 // DispatchProxy needs an unsealed proxy type.
public class GrainReference : DispatchProxy
#pragma warning restore CA1852
{
    private static readonly ConcurrentDictionary<MethodInfo, Func<GrainReference, object?[], object>> Invokers = new();

    private GrainRuntime _runtime = null!;

    /// <summary>The grain this reference points at.</summary>
    public GrainId GrainId { get; private set; }

    internal GrainRuntime Runtime => _runtime;

    /// <summary>The activation last used through this reference: reused while it is alive, saving the lookup.</summary>
    internal IActivation? Activation { get; set; }

    internal static TGrain Create<TGrain>(GrainRuntime runtime, GrainId id) where TGrain : IGrain
    {
        var proxy = Create<TGrain, GrainReference>();
        var reference = (GrainReference)(object)proxy!;
        reference._runtime = runtime;
        reference.GrainId = id;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var invoker = Invokers.GetOrAdd(targetMethod, BuildInvoker);
        return invoker(this, args ?? []);
    }

    private static Func<GrainReference, object?[], object> BuildInvoker(MethodInfo method)
    {
        var returnType = method.ReturnType;
        string helper;
        Type? resultType = null;
        if (returnType == typeof(Task))
        {
            helper = nameof(InvokeTask);
        }
        else if (returnType == typeof(ValueTask))
        {
            helper = nameof(InvokeValueTask);
        }
        else if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            helper = nameof(InvokeTaskOf);
            resultType = returnType.GetGenericArguments()[0];
        }
        else if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            helper = nameof(InvokeValueTaskOf);
            resultType = returnType.GetGenericArguments()[0];
        }
        else
        {
            throw new NotSupportedException(
                $"Grain method {method.DeclaringType?.Name}.{method.Name} must return Task, Task<T>, ValueTask or ValueTask<T>: grain calls are asynchronous.");
        }

        var call = Compile(method);
        var staleRead = method.IsDefined(typeof(StaleReadAttribute), inherit: false);
        var definition = typeof(GrainReference).GetMethod(helper, BindingFlags.NonPublic | BindingFlags.Static)!;
        var typed = resultType is null ? definition : definition.MakeGenericMethod(resultType);
        var dispatch = typed.CreateDelegate<Func<GrainReference, Func<object, object?[], object>, object?[], bool, object>>();
        return (reference, args) => dispatch(reference, call, args, staleRead);
    }

    /// <summary><c>(grain, args) =&gt; ((TGrain)grain).Method((T0)args[0], …)</c>, compiled once per method.</summary>
    private static Func<object, object?[], object> Compile(MethodInfo method)
    {
        var grain = Expression.Parameter(typeof(object), "grain");
        var args = Expression.Parameter(typeof(object?[]), "args");
        var arguments = method.GetParameters()
            .Select((p, i) => Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), p.ParameterType));
        var call = Expression.Call(Expression.Convert(grain, method.DeclaringType!), method, arguments);
        return Expression.Lambda<Func<object, object?[], object>>(Expression.Convert(call, typeof(object)), grain, args).Compile();
    }

#pragma warning disable CA1859 // The invokers share one delegate type, so they return object.
    private static object InvokeTask(GrainReference reference, Func<object, object?[], object> call, object?[] args, bool staleRead) =>
        reference.Runtime.CallAsync(reference, async grain =>
        {
            await (Task)call(grain, args);
            return true;
        }, staleRead);

    private static object InvokeValueTask(GrainReference reference, Func<object, object?[], object> call, object?[] args, bool staleRead) =>
        new ValueTask(reference.Runtime.CallAsync(reference, async grain =>
        {
            await (ValueTask)call(grain, args);
            return true;
        }, staleRead));

    private static object InvokeTaskOf<T>(GrainReference reference, Func<object, object?[], object> call, object?[] args, bool staleRead) =>
        reference.Runtime.CallAsync(reference, grain => (Task<T>)call(grain, args), staleRead);

    private static object InvokeValueTaskOf<T>(GrainReference reference, Func<object, object?[], object> call, object?[] args, bool staleRead) =>
        new ValueTask<T>(reference.Runtime.CallAsync(reference, grain => ((ValueTask<T>)call(grain, args)).AsTask(), staleRead));
#pragma warning restore CA1859
}
