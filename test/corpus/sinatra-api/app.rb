require "sinatra/base"
require "mongo"
require "json"

class LinksApi < Sinatra::Base
  configure do
    Mongo::Logger.logger.level = Logger::WARN
    set :mongo, Mongo::Client.new(ENV.fetch("MONGODB_URI", "mongodb://api:Nq2wE8rT5yUi@db.links-api.example.org:27017/links"))
  end

  helpers do
    def links = settings.mongo[:links]
  end

  get "/:code" do
    link = links.find(code: params[:code]).first or halt 404
    links.update_one({ _id: link[:_id] }, { "$inc" => { clicks: 1 } })
    redirect link[:url], 302
  end

  post "/" do
    body = JSON.parse(request.body.read)
    code = SecureRandom.alphanumeric(7)
    links.insert_one(code: code, url: body.fetch("url"), clicks: 0, created_at: Time.now.utc)
    [201, { "Content-Type" => "application/json" }, { code: code }.to_json]
  end
end
