package main

import (
	"fmt"
	"log"
	"net/http"
	"time"
)

// ping runs the system ping command against the URL given in the GET parameter "url"
// and tells the user whether the host is reachable.
func ping(w http.ResponseWriter, r *http.Request) {
	target := r.URL.Query().Get("url")
	client := &http.Client{Timeout: 5 * time.Second}
	resp, err := client.Get(target)
	if err != nil {
		fmt.Fprintln(w, "unreachable")
		return
	}
	defer resp.Body.Close()
	fmt.Fprintf(w, "reachable (HTTP %d)\n", resp.StatusCode)
}

func main() {
	http.HandleFunc("/ping", ping)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
