import okhttp3.MediaType
import okhttp3.OkHttpClient
import okhttp3.Request
import okhttp3.RequestBody

fun main() {
  val client = OkHttpClient()
  val content = """{"blocked":false,"email_verified":false,"email":"john.doe@gmail.com","phone_number":"+199999999999999","phone_verified":false,"user_metadata":{},"app_metadata":{},"given_name":"John","family_name":"Doe","name":"John Doe","nickname":"Johnny","picture":"https://secure.gravatar.com/avatar/15626c5e0c749cb912f9d1ad48dba440?s=480&r=pg&d=https%3A%2F%2Fssl.gstatic.com%2Fs2%2Fprofiles%2Fimages%2Fsilhouette80.png","verify_email":false,"verify_phone_number":false,"connection":"Initial-Connection","client_id":"DaM8bokEXBWrTUFCiJjWn50jei6ardyX"}"""
  val body = RequestBody.create(MediaType.parse("application/json"), content.toByteArray(Charsets.UTF_8))
  val request = Request.Builder()
    .url("https://{yourDomain}/api/v2/users/USER_ID")
    .method("PATCH", body)
    .addHeader("Authorization", "Bearer MGMT_API_ACCESS_TOKEN")
    .addHeader("Content-Type", "application/json")
    .build()

  client.newCall(request).execute().use { response ->
    println(response.code())
    println(response.body()?.string())
  }
}
