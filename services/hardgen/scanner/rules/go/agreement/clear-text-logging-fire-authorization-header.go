// hardgen-expect: go/clear-text-logging
package main

import (
	"log"
	"net/http"
)

func withLogging(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		log.Printf("%s %q auth=%q", r.Method, r.URL.Path, r.Header.Get("Authorization"))
		next.ServeHTTP(w, r)
	})
}

func hello(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("hello"))
}

func main() {
	http.Handle("/", withLogging(http.HandlerFunc(hello)))
	log.Fatal(http.ListenAndServe(":8080", nil))
}
