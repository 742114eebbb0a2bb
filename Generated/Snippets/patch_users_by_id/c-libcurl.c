#include <stdio.h>
#include <curl/curl.h>

int main(void) {
  CURL *curl = curl_easy_init();
  if (!curl) {
    return 1;
  }

  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, "PATCH");
  curl_easy_setopt(curl, CURLOPT_URL, "https://{yourDomain}/api/v2/users/USER_ID");

  struct curl_slist *headers = NULL;
  headers = curl_slist_append(headers, "Authorization: Bearer MGMT_API_ACCESS_TOKEN");
  headers = curl_slist_append(headers, "Content-Type: application/json");
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);

  static const char body[] = "{\"blocked\":false,\"email_verified\":false,\"email\":\"john.doe@gmail.com\",\"phone_number\":\"+199999999999999\",\"phone_verified\":false,\"user_metadata\":{},\"app_metadata\":{},\"given_name\":\"John\",\"family_name\":\"Doe\",\"name\":\"John Doe\",\"nickname\":\"Johnny\",\"picture\":\"https://secure.gravatar.com/avatar/15626c5e0c749cb912f9d1ad48dba440?s=480&r=pg&d=https%3A%2F%2Fssl.gstatic.com%2Fs2%2Fprofiles%2Fimages%2Fsilhouette80.png\",\"verify_email\":false,\"verify_phone_number\":false,\"connection\":\"Initial-Connection\",\"client_id\":\"DaM8bokEXBWrTUFCiJjWn50jei6ardyX\"}";
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, (long)(sizeof body - 1));
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body);

  CURLcode result = curl_easy_perform(curl);
  if (result != CURLE_OK) {
    fprintf(stderr, "curl: %s\n", curl_easy_strerror(result));
  }

  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  return result == CURLE_OK ? 0 : 1;
}
