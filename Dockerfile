# The silo as a container: build with the .NET 10 SDK, run on the ASP.NET Core runtime.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Conversations.Silo -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# The embedded database lives under /app/data: mount a volume there to keep it.
VOLUME ["/app/data"]
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "Conversations.Silo.dll"]
